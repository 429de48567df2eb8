package io.sitrep.notification.subscription;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscription as stored. Webhook subscriptions have a signing secret, and during a rotation's
 * overlap also the previous one; email subscriptions have neither.
 *
 * @param target         the webhook URL, the chat webhook URL (decrypted: its path is the credential) or the email address
 * @param endpoint       what isolates deliveries: the webhook URL's scheme, host, port and path (not its query; a chat URL's digest instead), or {@code smtp}; never shown, only its hash names metrics
 * @param secret         the current signing secret; null for email
 * @param previousSecret the secret before the last rotation while its overlap lasts; else null
 * @param format         the body a webhook is sent; {@link WebhookFormat#STANDARD} for every other channel
 * @param contactEmail   a webhook subscribed from the status page: the address that confirmed it and is told when it is
 *                       disabled; else null
 */
public record Subscription(
        SubscriptionId id,
        Channel channel,
        String target,
        String endpoint,
        SubscriptionFilter filter,
        SubscriptionStatus status,
        SigningSecret secret,
        SigningSecret previousSecret,
        Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        String disabledReason,
        WebhookFormat format,
        String contactEmail) {

    /** A subscription without a contact address. */
    public Subscription(SubscriptionId id, Channel channel, String target, String endpoint, SubscriptionFilter filter,
                        SubscriptionStatus status, SigningSecret secret, SigningSecret previousSecret, Instant previousSecretExpiresAt,
                        Instant createdAt, Instant updatedAt, String disabledReason, WebhookFormat format) {
        this(id, channel, target, endpoint, filter, status, secret, previousSecret, previousSecretExpiresAt, createdAt, updatedAt,
                disabledReason, format, null);
    }

    /** A subscription in the standard format. */
    public Subscription(SubscriptionId id, Channel channel, String target, String endpoint, SubscriptionFilter filter,
                        SubscriptionStatus status, SigningSecret secret, SigningSecret previousSecret, Instant previousSecretExpiresAt,
                        Instant createdAt, Instant updatedAt, String disabledReason) {
        this(id, channel, target, endpoint, filter, status, secret, previousSecret, previousSecretExpiresAt, createdAt, updatedAt,
                disabledReason, WebhookFormat.STANDARD, null);
    }

    public Subscription {
        format = format == null ? WebhookFormat.STANDARD : format;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(status, "status");
    }

    /** The previous secret if its overlap has not ended at {@code now}. */
    public SigningSecret previousSecretAt(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt) ? previousSecret : null;
    }

    /**
     * What delivery events show of the target: a webhook's origin without its path, query and user
     * info (chat webhooks carry their credential in the path), or an email address with its local
     * part hidden but for the first letter. A chat webhook shows its origin as a webhook does: delivery events carry
     * nothing of the credential.
     */
    public String publicTarget() {
        if (channel == Channel.EMAIL) {
            int at = target.lastIndexOf('@');
            return at <= 0 ? "…" : target.charAt(0) + "…" + target.substring(at);
        }
        java.net.URI uri = java.net.URI.create(target);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /**
     * How a chat webhook URL is shown: its scheme and host, and the last four characters of the rest, e.g.
     * {@code https://hooks.slack.com/…WXYZ}. The rest is the credential; four characters tell two apart, not more.
     */
    public static String redacted(String url) {
        java.net.URI uri = java.net.URI.create(url);
        String rest = url.substring(Math.min(url.length(), url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length()));
        String last = rest.length() <= 8 ? "" : rest.substring(rest.length() - 4);
        return uri.getScheme() + "://" + uri.getHost() + "/…" + last;
    }
}
