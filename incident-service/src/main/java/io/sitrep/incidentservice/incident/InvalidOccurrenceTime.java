package io.sitrep.incidentservice.incident;

/** An {@code occurredAt} that cannot be right: in the future, or before the incident began. */
public final class InvalidOccurrenceTime extends RuntimeException {

    public InvalidOccurrenceTime(String message) {
        super(message);
    }
}
