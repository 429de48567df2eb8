/** API keys with scopes, checked on every API request, and a rate limit per key. */
package io.sitrep.support.security;
