package io.sitrep.incidentservice.audit.web;

import io.sitrep.incidentservice.audit.AuditEntry;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of the audit log, oldest first.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
record AuditPage(List<Item> items, @Nullable String nextCursor) {

    /**
     * One command.
     *
     * @param actor      the API key's name, or the person a key with actor:delegate acted for
     * @param apiKey     the name of the key that sent it
     * @param command    e.g. incident.open, incident.publish, integration.alertmanager
     * @param incidentId the incident it concerned; null when none
     * @param outcome    accepted, rejected (4xx) or failed (5xx)
     * @param status     the HTTP status it was answered with
     */
    record Item(Instant at, String actor, String apiKey, String command, @Nullable UUID incidentId, String outcome, int status) {

        static Item of(AuditEntry e) {
            return new Item(e.at(), e.actor(), e.apiKey(), e.command(), e.incidentId(), e.outcome(), e.status());
        }
    }
}
