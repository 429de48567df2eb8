package io.sitrep.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON string of a request that holds an {@linkplain UnsafeText unsafe character}; its path names the field. */
public final class UnsafeTextRejected extends MismatchedInputException {

    private final String rule;

    UnsafeTextRejected(JsonParser parser, String rule) {
        super(parser, rule, String.class);
        this.rule = rule;
    }

    /** What is wrong with the text, without the text itself. */
    public String rule() {
        return rule;
    }
}
