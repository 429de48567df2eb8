/** Records every command as it completes, and pages through the audit log over REST. */
package io.sitrep.incidentservice.audit.web;
