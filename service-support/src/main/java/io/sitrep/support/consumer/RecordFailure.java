package io.sitrep.support.consumer;

/** Why a record is handed to the recoverer: always the record's own fault, never the database's. */
public sealed interface RecordFailure {

    /** Decoding refused it. */
    record Unreadable(String reason, String detail) implements RecordFailure {
    }

    /** Applying it alone failed for a reason other than the database: it would fail again. */
    record ProcessingFailed(Throwable cause) implements RecordFailure {
    }
}
