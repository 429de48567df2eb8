/** Who did what: every command, with its actor, time, incident and outcome. */
package io.sitrep.incidentservice.audit;
