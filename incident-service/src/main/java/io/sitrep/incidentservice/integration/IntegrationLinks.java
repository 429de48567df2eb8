package io.sitrep.incidentservice.integration;

import java.util.UUID;

/**
 * Which incident an alert group or dedup key leads to, and the last state applied to it. Changes
 * happen inside the caller's transaction.
 */
public interface IntegrationLinks {

    /** The link for this key, created empty if new, locked until the transaction ends. */
    Link lock(String source, String principal, String dedupKey);

    void save(Link link);

    /**
     * One link.
     *
     * @param incidentId the incident it leads to; null before the first trigger
     * @param stateKey   the state last applied; null when none
     */
    record Link(String source, String principal, String dedupKey, UUID incidentId, String stateKey) {

        public Link withIncident(UUID incident, String state) {
            return new Link(source, principal, dedupKey, incident, state);
        }
    }
}
