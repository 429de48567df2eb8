/** Sign-in and sessions: passwords and OpenID Connect, roles, CSRF, idle timeout and attempt limits. */
package io.sitrep.console.signin;
