/** The scopes of notification-service's commands; keys, filters and rate limits come from service-support. */
package io.sitrep.notification.security;
