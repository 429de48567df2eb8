package io.sitrep.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A notification subscription as it stands after a delivery event.
 *
 * @param channel {@code webhook}, {@code email}, or a chat channel ({@code slack}, {@code teams}, {@code discord},
 *                {@code google_chat}, {@code mattermost}); more channels may come, so read it as text
 * @param target  where deliveries go, without anything that may be a credential: a webhook's or chat webhook's origin, or an
 *                email address with its local part hidden but for the first letter
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
