/** Incidents in PostgreSQL: the incident row, its affected components and its timeline of updates. */
package io.sitrep.incidentservice.incident.persistence;
