package io.sitrep.support.consumer;

/** A record cannot be read (an unknown type, malformed data): a retry would not change that, so it is recovered at once. */
public class UnreadableRecord extends RuntimeException {

    private final String reason;

    /**
     * @param reason a short tag for metrics and the parked or dead-lettered record, e.g. {@code malformed}
     * @param detail what was wrong, in words
     */
    public UnreadableRecord(String reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
