/** Applies integration signals to incidents, once per alert state, in one transaction each. */
package io.sitrep.incidentservice.integration.application;
