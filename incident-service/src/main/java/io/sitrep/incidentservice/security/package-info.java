/** The scopes of incident-service's commands; keys, filters and rate limits come from service-support. */
package io.sitrep.incidentservice.security;
