/** Templates on PostgreSQL through plain SQL. */
package io.sitrep.incidentservice.template.persistence;
