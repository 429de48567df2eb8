package io.sitrep.incidentservice.web;

import java.util.Locale;

/**
 * The {@code Prefer} request header (RFC 7240) as far as this API honours it: {@code return=minimal}
 * asks a write to answer with its status, {@code Location} and {@code ETag} only, without the incident
 * it would otherwise send back. Tools that post many updates and never read the echo save the reading
 * and the writing of the incident's whole timeline. Preferences it does not know are ignored, as the
 * RFC asks.
 */
public final class Preferences {

    public static final String HEADER = "Prefer";
    public static final String APPLIED = "Preference-Applied";
    public static final String RETURN_MINIMAL = "return=minimal";

    private Preferences() {
    }

    /** Whether the header asks for {@code return=minimal}. */
    public static boolean returnMinimal(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            // A preference may carry parameters after ';'; the value may be quoted.
            String token = preference.split(";", 2)[0].replaceAll("[\\s\"]", "");
            if (token.toLowerCase(Locale.ROOT).equals(RETURN_MINIMAL)) {
                return true;
            }
        }
        return false;
    }
}
