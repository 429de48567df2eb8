package io.sitrep.support.web;

/** A request value that is well-formed but not acceptable; answered 400 naming the field. */
public final class FieldRejected extends RuntimeException {

    private final String field;

    public FieldRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
