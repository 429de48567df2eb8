/** Scheduled maintenance windows: the aggregate, its state machine and the times it acts on by itself. */
package io.sitrep.incidentservice.maintenance;
