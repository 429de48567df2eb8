package io.sitrep.timeline.web;

/** A request the current state does not allow; answered 409 with its own problem type. */
public class Conflict extends RuntimeException {

    private final String type;
    private final String title;

    public Conflict(String type, String title, String detail) {
        super(detail);
        this.type = type;
        this.title = title;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
