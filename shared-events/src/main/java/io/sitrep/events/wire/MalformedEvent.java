package io.sitrep.events.wire;

/** A record whose headers or data do not match the contract. */
public final class MalformedEvent extends UndecodableEvent {

    MalformedEvent(String type, String reason, Throwable cause) {
        super(type, reason, cause);
    }
}
