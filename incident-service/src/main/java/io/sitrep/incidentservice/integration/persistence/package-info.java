/** Integration links in PostgreSQL. */
package io.sitrep.incidentservice.integration.persistence;
