/** The maintenance use cases, the poller that applies due transitions, and alert suppression during a window. */
package io.sitrep.incidentservice.maintenance.application;
