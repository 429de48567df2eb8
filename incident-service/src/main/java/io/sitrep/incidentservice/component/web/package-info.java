/** The component REST API. */
package io.sitrep.incidentservice.component.web;
