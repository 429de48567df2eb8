/** The incident aggregate and its state machine: what may happen to an incident, and the events it yields. */
package io.sitrep.incidentservice.incident;
