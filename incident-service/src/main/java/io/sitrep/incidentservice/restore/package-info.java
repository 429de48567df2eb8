/** Restoring incident-service's own state from its event log, and noticing when the database lost rows the log has. */
package io.sitrep.incidentservice.restore;
