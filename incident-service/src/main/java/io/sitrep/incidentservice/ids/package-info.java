/** Time-ordered ids, shared by every aggregate of the service. */
package io.sitrep.incidentservice.ids;
