package io.sitrep.incidentservice.maintenance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of maintenance windows (soonest first) ended: the planned start and id of its last
 * window. Opaque to clients.
 */
public record MaintenanceCursor(Instant scheduledFor, UUID id) {

    public String encode() {
        String raw = scheduledFor.getEpochSecond() + "." + scheduledFor.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service made */
    public static MaintenanceCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\.", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new MaintenanceCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a cursor from a previous page", e);
        }
    }
}
