package io.sitrep.support.consumer;

/** Carries a record's failure that no retry mends through the listener container to the recoverer; classified as not retryable. */
final class RecordRejected extends RuntimeException {

    private final transient RecordFailure failure;

    RecordRejected(RecordFailure failure, Throwable cause) {
        super(cause.getMessage(), cause);
        this.failure = failure;
    }

    RecordFailure failure() {
        return failure;
    }
}
