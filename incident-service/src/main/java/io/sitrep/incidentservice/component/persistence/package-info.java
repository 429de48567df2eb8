/** Components in PostgreSQL. */
package io.sitrep.incidentservice.component.persistence;
