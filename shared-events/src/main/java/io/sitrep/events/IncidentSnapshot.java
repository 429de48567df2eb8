package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An incident as it stands after an event, so that consumers never need to call back.
 *
 * @param resolvedAt when it was resolved; null while open
 * @param visibility who may see it; absent in events written before visibility existed, which means public
 */
public record IncidentSnapshot(
        UUID id,
        String title,
        IncidentStatus status,
        Impact impact,
        List<AffectedComponent> components,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        long version,
        Visibility visibility) {

    @JsonCreator
    public IncidentSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        components = components == null ? List.of() : List.copyOf(components);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
    }

    /** A public incident's snapshot. */
    public IncidentSnapshot(UUID id, String title, IncidentStatus status, Impact impact, List<AffectedComponent> components,
                            Instant createdAt, Instant updatedAt, Instant resolvedAt, long version) {
        this(id, title, status, impact, components, createdAt, updatedAt, resolvedAt, version, Visibility.PUBLIC);
    }

    /** True when the public may see it. */
    @JsonIgnore
    public boolean isPublic() {
        return visibility.isPublic();
    }
}
