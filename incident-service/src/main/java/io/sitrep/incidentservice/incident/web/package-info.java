/** The incident REST API: requests, responses and the controller that maps them onto the use cases. */
package io.sitrep.incidentservice.incident.web;
