/** Incident use cases: each command runs in one transaction that stores the state and its events. */
package io.sitrep.incidentservice.incident.application;
