/** The admin REST adapter of the restore. */
package io.sitrep.incidentservice.restore.web;
