package io.sitrep.timeline.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where a page of an incident's timeline (newest first) ended: the entries before this version come next. Opaque to clients. */
public record TimelineCursor(long beforeVersion) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v" + beforeVersion).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service made */
    public static TimelineCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            if (!raw.startsWith("v")) {
                throw new IllegalArgumentException("not a cursor");
            }
            long version = Long.parseLong(raw.substring(1));
            if (version < 1) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new TimelineCursor(version);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a cursor from a previous page", e);
        }
    }
}
