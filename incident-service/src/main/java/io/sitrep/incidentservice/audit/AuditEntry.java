package io.sitrep.incidentservice.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One command as it ended.
 *
 * @param id         its place in the log, rising
 * @param actor      who did it: the API key's name, or the person a trusted client acted for
 * @param apiKey     the name of the key that sent it
 * @param command    the command's name, e.g. {@code incident.open}
 * @param incidentId the incident it concerned; null when none, or when it never got as far as naming one
 * @param outcome    accepted, rejected (4xx) or failed (5xx)
 * @param status     the HTTP status it was answered with
 */
public record AuditEntry(long id, Instant at, String actor, String apiKey, String command, UUID incidentId, String outcome, int status) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The outcome of a command answered with {@code status}. */
    public static String outcomeOf(int status) {
        return status < 300 ? "accepted" : status < 500 ? "rejected" : "failed";
    }
}
