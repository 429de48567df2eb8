package io.sitrep.notification.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where subscriptions are kept, with their signing secrets and chat webhook URLs sealed; callers bring the transaction. */
public interface Subscriptions {

    /** A subscription as the matcher of events needs it. */
    record Candidate(SubscriptionId id, Channel channel, String endpoint, SubscriptionFilter filter) {
    }

    /** Subscriptions of one channel and component (null: every component) by state. */
    record Count(Channel channel, String component, long active, long pending) {
    }

    /** Stores a new subscription. */
    void insert(Subscription s);

    /** Stores new subscriptions together, in batched statements; none of them a chat channel (their URLs are sealed one by one). */
    void insertAll(List<Subscription> subscriptions);

    /**
     * Holds, until the transaction ends, the right to import subscribers: imports are taken one at a time, so that two
     * with the same address cannot both create its subscription.
     */
    void lockImports();

    /**
     * Holds imports off until the transaction ends, without holding off another that does the same: a confirmation
     * that replaces an address's earlier subscriptions takes it before it reads them, so an import of the address is
     * either committed and replaced, or waits and finds the confirmed subscription.
     */
    void holdOffImports();

    /**
     * Where these addresses stand as email subscribers, by {@link EmailAddress#key}: {@link SubscriptionStatus#ACTIVE}
     * for an address with an active subscription of the status page's shape (every event type, any impact, public
     * incidents only; whatever its components), else {@link SubscriptionStatus#UNSUBSCRIBED} for one that unsubscribed
     * from any; the others are left out.
     */
    Map<String, SubscriptionStatus> emailStanding(Collection<String> addressKeys);

    /** The subscription unless it was deleted. */
    Optional<Subscription> find(SubscriptionId id);

    /** The subscription unless it was deleted, locked for the rest of the transaction. */
    Optional<Subscription> lock(SubscriptionId id);

    /** The subscriptions with these ids, deleted ones left out. */
    Map<SubscriptionId, Subscription> findAll(Collection<SubscriptionId> ids);

    /**
     * A page of the subscriptions but the deleted ones, oldest first.
     *
     * @param afterCreatedAt with {@code afterId}, where the previous page ended; null for the first page
     * @param limit          the most to answer
     */
    List<Subscription> list(Instant afterCreatedAt, UUID afterId, int limit);

    /**
     * Holds, until the transaction ends, the right to subscribe this email address (by the SHA-256 of it lower-cased):
     * requests for one address are taken one at a time.
     */
    void lockAddress(byte[] addressSha256);

    /** The email subscriptions of an address (compared lower-cased) that wait for their confirmation. */
    List<Subscription> pendingEmail(String address);

    /** The webhook subscriptions of a contact address (compared lower-cased) that wait for their confirmation. */
    List<Subscription> pendingContact(String contactEmail);

    /**
     * The other active email subscriptions of an address (compared lower-cased) that a subscription from the status
     * page replaces: those of the same shape (every event type, any impact, public incidents only), locked.
     */
    List<SubscriptionId> activeLikePublic(String address, SubscriptionId except);

    /** Sets the components a subscription is notified of; empty for all. */
    void setComponents(SubscriptionId id, Set<String> components, Instant now);

    /** How many subscriptions are active and pending, per channel and component. */
    List<Count> counts();

    /** The subscriptions that notify or wait to (active and pending), oldest first, at most {@code limit}. */
    List<Subscription> subscribers(int limit);

    /** How many confirmation emails the address was sent since {@code since}; forgets every older one, of any address. */
    int confirmationRequestsSince(byte[] addressSha256, Instant since);

    /** Counts one more confirmation email to the address. */
    void recordConfirmationRequest(byte[] addressSha256, SubscriptionId id, Instant now);

    /** The oldest confirmation email the address was sent since {@code since}, if any. */
    Optional<Instant> oldestConfirmationRequestSince(byte[] addressSha256, Instant since);

    /**
     * The id and filter of active subscriptions, for matching events, a page at a time: at most {@code limit} of them in
     * order of id, after {@code after} (null: from the first).
     */
    List<Candidate> active(SubscriptionId after, int limit);

    void setStatus(SubscriptionId id, SubscriptionStatus status, String reason, Instant now);

    void rotateSecret(SubscriptionId id, SigningSecret next, SigningSecret previous, Instant previousExpiresAt, Instant now);

    /**
     * Counts a failed attempt against the subscription's health ({@link SubscriptionHealth#failedAt}); the subscription
     * stays locked until the transaction ends, so that concurrent outcomes of one subscription are counted one after
     * the other.
     *
     * @return the health after
     */
    SubscriptionHealth recordFailure(SubscriptionId id, Instant attemptedAt);

    /** Ends a run of failures ({@link SubscriptionHealth#succeeded}); returns the health before, so that a recovery can be told. */
    SubscriptionHealth recordSuccess(SubscriptionId id);

    /**
     * Ends the runs of failures of those subscriptions that had one, together; the others are not written, so that
     * successes to a healthy subscription cost it nothing.
     *
     * @return the health before, of the subscriptions that were failing
     */
    Map<SubscriptionId, SubscriptionHealth> recordSuccesses(Collection<SubscriptionId> ids);

    /** Stores that delivery.failing was published for the current run of failures ({@link SubscriptionHealth#failingReportedNow}). */
    void markFailingReported(SubscriptionId id);

    /** Numbers the subscription's next delivery event: 1, 2, 3, … */
    long nextEventVersion(SubscriptionId id);
}
