/** The template use cases: define and delete templates, and look one up for a command that names it. */
package io.sitrep.incidentservice.template.application;
