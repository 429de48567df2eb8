package io.sitrep.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A notification subscription as it stands after a delivery event.
 *
 * @param channel {@code webhook} or {@code email}; more channels may come, so read it as text
 * @param target  where deliveries go: the webhook URL without its query and user info, or the email address
 * @param status  {@code active}, {@code pending_confirmation}, {@code disabled} or {@code deleted}; read it as text
 */
public record SubscriptionSnapshot(UUID id, String channel, String target, String status) {

    public SubscriptionSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
    }
}
