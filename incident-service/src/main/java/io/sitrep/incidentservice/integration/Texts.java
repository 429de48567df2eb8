package io.sitrep.incidentservice.integration;

import io.sitrep.incidentservice.incident.IncidentLimits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fitting tool-supplied text into the limits the REST API enforces. An alert is never refused for
 * its size, since a refused alert is lost: texts are cut and marked, long keys are shortened to a
 * stable digest.
 */
public final class Texts {

    /** The longest incident title, as the REST API accepts it. */
    public static final int TITLE_LIMIT = IncidentLimits.TITLE;

    /** The longest update message, as the REST API accepts it. */
    public static final int MESSAGE_LIMIT = IncidentLimits.MESSAGE;

    /** The most components one incident command may set, as the REST API accepts it. */
    public static final int COMPONENT_LIMIT = IncidentLimits.COMPONENTS;

    private Texts() {
    }

    /** {@code text} stripped and cut to at most {@code max} characters, marked with an ellipsis when cut. */
    public static String fit(String text, int max) {
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1).strip() + "…";
    }

    /** {@code message} fitted to the message limit with {@code note} kept whole at its end. */
    public static String withNote(String message, String note) {
        return fit(message, MESSAGE_LIMIT - note.length() - 2) + "\n\n" + note;
    }

    /**
     * {@code text} as Markdown that reads as the text itself: the characters that could start emphasis,
     * a link, code or raw HTML within a line are escaped, so that an alert name or host such as
     * {@code <pay-1>} shows as written instead of being read as markup. An underscore inside a word is
     * no emphasis in CommonMark, so snake_case names stay as they are in the source.
     */
    public static String markdownLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*[]<>".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * {@code key} as it is when at most {@code max} characters long, else its start with a digest of
     * the whole: the same long key always gives the same short one, and different ones differ.
     */
    public static String key(String key, int max) {
        if (key.length() <= max) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String suffix = "…sha256:" + HexFormat.of().formatHex(digest);
            return key.substring(0, max - suffix.length()) + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
