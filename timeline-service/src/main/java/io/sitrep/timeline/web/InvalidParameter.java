package io.sitrep.timeline.web;

/** A query parameter whose value is not acceptable; answered 400 naming the parameter. */
public final class InvalidParameter extends RuntimeException {

    private final String parameter;

    public InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
