package io.sitrep.incidentservice.integration;

/** Fitting tool-supplied text into Sitrep's field limits. */
public final class Texts {

    /** The longest incident title. */
    public static final int TITLE_LIMIT = 200;

    /** The longest update message. */
    public static final int MESSAGE_LIMIT = 10_000;

    private Texts() {
    }

    /** {@code text} stripped and cut to at most {@code max} characters, marked with an ellipsis when cut. */
    public static String fit(String text, int max) {
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1).strip() + "…";
    }
}
