/** The REST adapter of incident templates: define, read, list and delete them. */
package io.sitrep.incidentservice.template.web;
