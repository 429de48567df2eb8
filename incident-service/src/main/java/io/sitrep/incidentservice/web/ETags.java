package io.sitrep.incidentservice.web;

import io.sitrep.support.web.FieldRejected;

/** An incident's version as an entity tag, {@code "3"}, and back from If-Match. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header asks for, or null when there is none or it is {@code *}.
     *
     * @throws FieldRejected when the header is not an entity tag of this API
     */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // fall through to the rejection below
            }
        }
        throw new FieldRejected("If-Match", "must be an ETag this API gave out, such as \"3\"");
    }
}
