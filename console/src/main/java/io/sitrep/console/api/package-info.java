/** The console's client of incident-service, notification-service and timeline-service, with a key that acts for the person. */
package io.sitrep.console.api;
