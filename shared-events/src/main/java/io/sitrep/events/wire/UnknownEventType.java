package io.sitrep.events.wire;

/** A record of a type this version of the contract does not know: report it, do not crash. */
public final class UnknownEventType extends UndecodableEvent {

    UnknownEventType(String type) {
        super(type, "unknown event type '" + type + "'", null);
    }
}
