/** incident-service: incidents, updates, postmortems and components over REST, published through a transactional outbox. */
package io.sitrep.incidentservice;
