/** The JDBC adapter that keeps maintenance windows, their components and updates. */
package io.sitrep.incidentservice.maintenance.persistence;
