package io.sitrep.timeline.readmodel;

/** No component has this id. */
public final class UnknownComponent extends RuntimeException {

    public UnknownComponent(String id) {
        super("No component has the id '" + id + "'.");
    }
}
