/** Incident templates: prepared title, impact, message and component statuses that new incidents and updates may start from. */
package io.sitrep.incidentservice.template;
