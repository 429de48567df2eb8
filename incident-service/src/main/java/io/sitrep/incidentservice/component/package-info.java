/** The component aggregate: the parts of a service a status page shows, and their statuses. */
package io.sitrep.incidentservice.component;
