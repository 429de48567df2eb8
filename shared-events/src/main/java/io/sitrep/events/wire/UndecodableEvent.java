package io.sitrep.events.wire;

/** A record that cannot be turned into an event; {@link #getMessage()} says why. */
public sealed class UndecodableEvent extends Exception permits UnknownEventType, MalformedEvent {

    private final String type;

    UndecodableEvent(String type, String reason, Throwable cause) {
        super(reason, cause);
        this.type = type;
    }

    /** The {@code ce_type} the record claimed, or null when it had none. */
    public String type() {
        return type;
    }
}
