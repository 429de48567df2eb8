package io.sitrep.timeline.readmodel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a page of maintenance windows ended: the planned start and id of its last window. Opaque to clients. */
public record MaintenanceCursor(Instant scheduledFor, UUID id) {

    private static final String PREFIX = "m.";

    public String encode() {
        String raw = PREFIX + scheduledFor.getEpochSecond() + "." + scheduledFor.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service made for maintenance windows */
    public static MaintenanceCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a cursor");
            }
            String[] parts = raw.substring(PREFIX.length()).split("\\.", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a cursor");
            }
            Instant scheduledFor = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new MaintenanceCursor(scheduledFor, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a cursor from a previous page", e);
        }
    }
}
