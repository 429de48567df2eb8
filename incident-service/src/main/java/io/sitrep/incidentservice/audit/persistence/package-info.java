/** The audit log on PostgreSQL. */
package io.sitrep.incidentservice.audit.persistence;
