package io.sitrep.notification.subscription.application;

import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.ConfirmationLimitReached;
import io.sitrep.notification.subscription.NoSigningSecret;
import io.sitrep.notification.subscription.SigningSecret;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionDeliveries;
import io.sitrep.notification.subscription.SubscriptionFilter;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.SubscriptionLimits;
import io.sitrep.notification.subscription.SubscriptionNotActive;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.UnknownSubscription;
import io.sitrep.notification.subscription.WebhookFormat;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.notification.target.TargetPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What can be done to subscriptions, each in one transaction. */
@Service
public class SubscriptionCommands {

    /** The event type of the confirmation email's delivery; not an event of the contract. */
    public static final String CONFIRMATION = SubscriptionDeliveries.CONFIRMATION;

    private final Subscriptions subscriptions;
    private final SubscriptionDeliveries deliveries;
    private final TargetPolicy targets;
    private final SubscriptionLimits limits;
    private final SecureRandom random;
    private final Clock clock;

    SubscriptionCommands(Subscriptions subscriptions, SubscriptionDeliveries deliveries, TargetPolicy targets,
                         SubscriptionLimits limits, SecureRandom random, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
        this.limits = limits;
        this.random = random;
        this.clock = clock;
    }

    /**
     * A new subscription, with its secret: shown to the caller this once.
     *
     * @param created false when an email subscription like a pending one was asked for, and that one is answered
     */
    public record Created(Subscription subscription, SigningSecret secret, boolean created) {

        public Created(Subscription subscription, SigningSecret secret) {
            this(subscription, secret, true);
        }
    }

    /** A page of subscriptions, and where the next one starts; null after the last. */
    public record Page(List<Subscription> items, Subscription last) {
    }

    /**
     * Subscribes a webhook URL, after checking it against server-side request forgery.
     *
     * @throws io.sitrep.notification.target.TargetRefused when the URL may not be called
     */
    @Transactional
    public Created subscribeWebhook(String url, SubscriptionFilter filter) {
        return subscribeWebhook(url, filter, WebhookFormat.STANDARD);
    }

    /**
     * Subscribes a webhook URL in this body format, after checking it against server-side request forgery.
     *
     * @throws io.sitrep.notification.target.TargetRefused when the URL may not be called
     */
    @Transactional
    public Created subscribeWebhook(String url, SubscriptionFilter filter, WebhookFormat format) {
        URI uri = targets.check(url);
        Instant now = clock.instant();
        SigningSecret secret = SigningSecret.generate(random);
        Subscription subscription = new Subscription(new SubscriptionId(UUID.randomUUID()), Channel.WEBHOOK, uri.toString(),
                endpoint(uri), filter, SubscriptionStatus.ACTIVE, secret, null, null, now, now, null, format);
        subscriptions.insert(subscription);
        return new Created(subscription, secret);
    }

    /**
     * Subscribes a chat channel's incoming-webhook URL, after checking it as any webhook target. The URL is the
     * credential: it is stored encrypted, its endpoint (the isolation key, stored in clear) names its host and a
     * digest of the URL instead of its path. Active at once; no signing secret.
     *
     * @throws io.sitrep.notification.target.TargetRefused when the URL may not be called
     */
    @Transactional
    public Created subscribeChat(Channel channel, String url, SubscriptionFilter filter) {
        if (!channel.isChat()) {
            throw new IllegalArgumentException(channel.wireName() + " is not a chat channel");
        }
        URI uri = targets.check(url);
        Instant now = clock.instant();
        Subscription subscription = new Subscription(new SubscriptionId(UUID.randomUUID()), channel, uri.toString(),
                chatEndpoint(uri), filter, SubscriptionStatus.ACTIVE, null, null, null, now, now, null);
        subscriptions.insert(subscription);
        return new Created(subscription, null);
    }

    /**
     * Subscribes an email address, pending its confirmation; the confirmation email is a delivery like any other.
     * An address has one pending subscription per filter: asking for it again answers that one, and sends its
     * confirmation email again unless one is still on its way. Each address gets at most
     * {@code confirmations-per-hour} confirmation emails an hour, counted in the database.
     *
     * @throws ConfirmationLimitReached when a confirmation email is due and the address had its share this hour
     */
    @Transactional
    public Created subscribeEmail(String email, SubscriptionFilter filter) {
        byte[] address = addressKey(email);
        subscriptions.lockAddress(address);
        return subscribeEmailLocked(email, filter, address);
    }

    /**
     * Subscribes an email address from the status page, pending its confirmation: as {@link #subscribeEmail}, but an
     * address has at most one pending subscription, so a request for other components replaces the one still waiting
     * (its link stops working). Once confirmed, it replaces the address's earlier subscriptions of the same shape.
     *
     * @throws ConfirmationLimitReached when a confirmation email is due and the address had its share this hour
     */
    @Transactional
    public Created subscribeEmailFromPage(String email, java.util.Set<String> components) {
        byte[] address = addressKey(email);
        subscriptions.lockAddress(address);
        SubscriptionFilter filter = new SubscriptionFilter(components, java.util.Set.of(), null);
        for (Subscription pending : subscriptions.pendingEmail(email)) {
            if (!pending.filter().equals(filter)) {
                subscriptions.setStatus(pending.id(), SubscriptionStatus.DELETED, null, clock.instant());
                deliveries.cancelOpen(pending.id(), "replaced by a newer request of the address");
            }
        }
        return subscribeEmailLocked(email, filter, address);
    }

    /**
     * Subscribes a webhook URL from the status page, in Statuspage's body format and pending until its contact address
     * confirms it through the emailed link; the contact is told when the webhook is disabled. A contact address has
     * at most one pending webhook: a new request replaces the one still waiting.
     *
     * @throws io.sitrep.notification.target.TargetRefused when the URL may not be called
     * @throws ConfirmationLimitReached when the contact address had its confirmation emails this hour
     */
    @Transactional
    public Created subscribeWebhookFromPage(String url, String contactEmail, java.util.Set<String> components) {
        URI uri = targets.check(url);
        byte[] address = addressKey(contactEmail);
        subscriptions.lockAddress(address);
        Instant now = clock.instant();
        for (Subscription pending : subscriptions.pendingContact(contactEmail)) {
            subscriptions.setStatus(pending.id(), SubscriptionStatus.DELETED, null, now);
            deliveries.cancelOpen(pending.id(), "replaced by a newer request of the contact address");
        }
        SubscriptionId id = new SubscriptionId(UUID.randomUUID());
        SigningSecret secret = SigningSecret.generate(random);
        Subscription subscription = new Subscription(id, Channel.WEBHOOK, uri.toString(), endpoint(uri),
                new SubscriptionFilter(components, java.util.Set.of(), null), SubscriptionStatus.PENDING_CONFIRMATION, secret, null, null,
                now, now, null, WebhookFormat.STATUSPAGE, contactEmail);
        subscriptions.insert(subscription);
        queueConfirmation(id, id.value(), address, now);
        return new Created(subscription, secret, true);
    }

    private Created subscribeEmailLocked(String email, SubscriptionFilter filter, byte[] address) {
        Instant now = clock.instant();
        Optional<Subscription> pending = subscriptions.pendingEmail(email).stream().filter(s -> s.filter().equals(filter)).findFirst();
        if (pending.isPresent()) {
            Subscription existing = pending.get();
            if (!deliveries.confirmationOnItsWay(existing.id())) {
                // A new event id: the first confirmation's delivery is done, and deliveries are unique per event.
                queueConfirmation(existing.id(), UUID.randomUUID(), address, now);
            }
            return new Created(existing, null, false);
        }
        SubscriptionId id = new SubscriptionId(UUID.randomUUID());
        Subscription subscription = new Subscription(id, Channel.EMAIL, email, SubscriptionDeliveries.SMTP_ENDPOINT, filter,
                SubscriptionStatus.PENDING_CONFIRMATION, null, null, null, now, now, null);
        subscriptions.insert(subscription);
        // Refused over the limit, and with it the subscription: the transaction rolls back.
        queueConfirmation(id, id.value(), address, now);
        return new Created(subscription, null, true);
    }

    private void queueConfirmation(SubscriptionId id, UUID eventId, byte[] address, Instant now) {
        requireConfirmationAllowed(address, now);
        subscriptions.recordConfirmationRequest(address, id, now);
        deliveries.queueConfirmation(id, eventId, now);
    }

    private void requireConfirmationAllowed(byte[] address, Instant now) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        int perHour = limits.confirmationsPerHour();
        if (subscriptions.confirmationRequestsSince(address, hourAgo) >= perHour) {
            Duration retryAfter = subscriptions.oldestConfirmationRequestSince(address, hourAgo)
                    .map(oldest -> Duration.between(now, oldest.plus(Duration.ofHours(1))))
                    .filter(wait -> !wait.isNegative())
                    .orElse(Duration.ofHours(1));
            throw new ConfirmationLimitReached(perHour, retryAfter);
        }
    }

    /** What counts an address's confirmation emails: the SHA-256 of the address lower-cased, not the address. */
    static byte[] addressKey(String email) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Transactional(readOnly = true)
    public Subscription get(SubscriptionId id) {
        return subscriptions.find(id).orElseThrow(() -> new UnknownSubscription(id));
    }

    /**
     * A page of the subscriptions but the deleted ones, oldest first.
     *
     * @param afterCreatedAt with {@code afterId}, where the previous page ended; null for the first page
     */
    @Transactional(readOnly = true)
    public Page list(Instant afterCreatedAt, UUID afterId, int limit) {
        List<Subscription> found = subscriptions.list(afterCreatedAt, afterId, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Subscription> page = found.subList(0, limit);
        return new Page(page, page.get(limit - 1));
    }

    /** Deletes the subscription; what it still had to send is cancelled. Its history stays in the database. */
    @Transactional
    public void delete(SubscriptionId id) {
        subscriptions.lock(id).orElseThrow(() -> new UnknownSubscription(id));
        subscriptions.setStatus(id, SubscriptionStatus.DELETED, null, clock.instant());
        deliveries.cancelOpen(id, "the subscription was deleted");
    }

    /**
     * Gives a webhook subscription a new secret; for the overlap, webhooks are signed with the old
     * one as well, so receivers can switch without losing a delivery.
     */
    @Transactional
    public Created rotateSecret(SubscriptionId id) {
        Subscription subscription = subscriptions.lock(id).orElseThrow(() -> new UnknownSubscription(id));
        if (subscription.channel() != Channel.WEBHOOK) {
            throw new NoSigningSecret(id);
        }
        Instant now = clock.instant();
        SigningSecret next = SigningSecret.generate(random);
        subscriptions.rotateSecret(id, next, subscription.secret(), now.plus(limits.rotationOverlap()), now);
        return new Created(subscriptions.find(id).orElseThrow(), next);
    }

    /** Activates an email subscription whose address confirmed it; confirming twice changes nothing. */
    @Transactional
    public Subscription confirm(SubscriptionId id) {
        Subscription subscription = subscriptions.lock(id).orElseThrow(() -> new UnknownSubscription(id));
        if (subscription.status() == SubscriptionStatus.PENDING_CONFIRMATION) {
            Instant now = clock.instant();
            subscriptions.setStatus(id, SubscriptionStatus.ACTIVE, null, now);
            if (subscription.channel() == Channel.EMAIL && subscription.filter().eventTypes().isEmpty()
                    && subscription.filter().minImpact() == null && !subscription.filter().includeInternal()) {
                // The address's latest choice of components replaces its earlier ones: one email per event, not two.
                // An import of the address that has not committed yet would add one these reads cannot see.
                subscriptions.holdOffImports();
                for (SubscriptionId earlier : subscriptions.activeLikePublic(subscription.target(), id)) {
                    subscriptions.setStatus(earlier, SubscriptionStatus.UNSUBSCRIBED, null, now);
                    deliveries.cancelOpen(earlier, "replaced by a newer subscription of the address");
                }
            }
        } else if (subscription.status() != SubscriptionStatus.ACTIVE) {
            throw new SubscriptionNotActive(id, subscription.status(), "it can no longer be confirmed; subscribe again");
        }
        return subscriptions.find(id).orElseThrow();
    }

    /**
     * Sets the components an email subscription is notified of (empty: all), at its recipient's request from the
     * manage page.
     *
     * @throws SubscriptionNotActive when it was unsubscribed, disabled or deleted
     */
    @Transactional
    public Subscription changeComponents(SubscriptionId id, java.util.Set<String> components) {
        Subscription subscription = subscriptions.lock(id).orElseThrow(() -> new UnknownSubscription(id));
        if (subscription.status() != SubscriptionStatus.ACTIVE && subscription.status() != SubscriptionStatus.PENDING_CONFIRMATION) {
            throw new SubscriptionNotActive(id, subscription.status(), "subscribe again to choose components");
        }
        subscriptions.setComponents(id, components, clock.instant());
        return subscriptions.find(id).orElseThrow();
    }

    /** How many subscriptions are active and pending per channel and component. */
    @Transactional(readOnly = true)
    public List<Subscriptions.Count> counts() {
        return subscriptions.counts();
    }

    /** The active and pending subscriptions, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Subscription> subscribers(int limit) {
        return subscriptions.subscribers(limit);
    }

    /** Stops an email subscription at its recipient's request; unsubscribing twice changes nothing. */
    @Transactional
    public void unsubscribe(SubscriptionId id) {
        Subscription subscription = subscriptions.lock(id).orElseThrow(() -> new UnknownSubscription(id));
        if (subscription.status() != SubscriptionStatus.UNSUBSCRIBED) {
            subscriptions.setStatus(id, SubscriptionStatus.UNSUBSCRIBED, null, clock.instant());
            deliveries.cancelOpen(id, "the recipient unsubscribed");
        }
    }

    /**
     * The bulkhead key of a chat webhook URL: scheme, host and port, and instead of the path (the credential) the first
     * 32 hex digits of the SHA-256 of the whole URL; one bulkhead per chat webhook, as per webhook endpoint.
     */
    static String chatEndpoint(URI uri) {
        String origin = endpoint(uri);
        origin = origin.substring(0, origin.indexOf('/', origin.indexOf("://") + 3));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8));
            return origin + "/chat-" + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The bulkhead key of a webhook URL: scheme, host, port and path, without the query. */
    static String endpoint(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + ":" + port
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    }

}
