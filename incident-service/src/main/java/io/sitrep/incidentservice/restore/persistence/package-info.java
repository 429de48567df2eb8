/** What the tables hold, as the restore compares it with the log: plain SQL. */
package io.sitrep.incidentservice.restore.persistence;
