package io.sitrep.notification.delivery;

import io.sitrep.notification.delivery.application.DeliveryEvents;
import io.sitrep.notification.delivery.application.DeliveryOutcomes;
import io.sitrep.notification.delivery.application.DeliveryOutcomes.Outcome;
import io.sitrep.notification.delivery.dispatch.DeliverySettings;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionHealth;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.support.tracing.StoredTrace;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Deliveries put in a state the way the service puts them there: queued through {@link Deliveries}, claimed under a
 * lease by a real claim, and settled by attempts recorded through {@link DeliveryOutcomes}, with the time of each
 * step chosen by the test (the port and the outcomes take the time as the dispatcher's clock gives it). No row is
 * written by hand.
 */
public final class DispatchFixtures {

    /** Enough for a claim to reach a delivery behind any others of its endpoint that are due in a test. */
    private static final int CLAIM_LIMIT = 100;

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final DeliveryEvents events;
    private final DeliverySettings settings;
    private final TransactionTemplate transactions;

    public DispatchFixtures(Deliveries deliveries, Subscriptions subscriptions, DeliveryEvents events, DeliverySettings settings,
                            TransactionTemplate transactions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.events = events;
        this.settings = settings;
        this.transactions = transactions;
    }

    /**
     * Runs the steps in one transaction, so that the running dispatcher sees none of them, only where they lead: it
     * cannot claim a delivery between the steps that queue it and claim it.
     */
    public <T> T inOneTransaction(Supplier<T> steps) {
        return transactions.execute(status -> steps.get());
    }

    /** Queues a delivery of a new event of type {@code incident.opened} to the subscription, due at {@code now}. */
    public DeliveryId queue(Subscription subscription, Instant now) {
        DeliveryId id = DeliveryId.random();
        deliveries.insertAll(List.of(new Deliveries.NewDelivery(id, subscription.id(), new Delivery.Sending(UUID.randomUUID(),
                "incident.opened", subscription.endpoint(), "{}".getBytes(StandardCharsets.UTF_8), now, StoredTrace.NONE))), now);
        return id;
    }

    /**
     * Claims a due delivery as a dispatcher whose clock reads {@code now} does, under a lease of {@code lease}; whatever
     * else of the endpoint the claim took is given back at once, due as it was.
     *
     * @throws AssertionError when the claim did not take it (not due, or under a lease that holds at {@code now})
     */
    public Delivery.Delivering claim(DeliveryId id, String endpoint, Instant now, Duration lease) {
        return claim(d -> d.id().equals(id), endpoint, now, lease, "delivery " + id);
    }

    /** Claims the subscription's one due delivery, as {@link #claim(DeliveryId, String, Instant, Duration)} does. */
    public Delivery.Delivering claimOf(Subscription subscription, Instant now, Duration lease) {
        SubscriptionId of = subscription.id();
        return claim(d -> d.subscriptionId().equals(of), subscription.endpoint(), now, lease, "a delivery of subscription " + of);
    }

    private Delivery.Delivering claim(Predicate<Delivery.Delivering> wanted, String endpoint, Instant now, Duration lease, String what) {
        return inOneTransaction(() -> {
            List<Delivery.Delivering> claimed = deliveries.claimDue(CLAIM_LIMIT, Map.of(endpoint, CLAIM_LIMIT), 0, 0, now, lease);
            Delivery.Delivering mine = null;
            for (Delivery.Delivering d : claimed) {
                if (mine == null && wanted.test(d)) {
                    mine = d;
                } else {
                    deliveries.release(d, now);
                }
            }
            if (mine == null) {
                throw new AssertionError("the claim at " + now + " did not take " + what + " at " + endpoint);
            }
            return mine;
        });
    }

    /**
     * A dead letter of the subscription: a delivery of a new event whose every attempt got {@code failure}, one at each
     * of {@code attemptTimes} (oldest first), until a retry schedule of that many attempts was used up at the last. The
     * attempts count against the subscription's health as any do, by the service's rules: enough of them make it
     * failing (and tell so), and its run of failures starts at the first. In one transaction.
     */
    public DeliveryId aDeadLetter(Subscription subscription, AttemptResult failure, Instant... attemptTimes) {
        List<Duration> schedule = Collections.nCopies(attemptTimes.length, Duration.ZERO);
        return inOneTransaction(() -> {
            DeliveryId id = queue(subscription, attemptTimes[0]);
            Outcome outcome = null;
            for (Instant at : attemptTimes) {
                Delivery.Delivering claimed = claim(id, subscription.endpoint(), at, settings.lease());
                outcome = outcomes(schedule, Clock.fixed(at, ZoneOffset.UTC)).record(claimed, subscription, failure, at);
            }
            if (outcome != Outcome.DEAD) {
                throw new AssertionError("the last attempt left delivery " + id + " " + outcome + ", not dead");
            }
            return id;
        });
    }

    private DeliveryOutcomes outcomes(List<Duration> retrySchedule, Clock clock) {
        return new DeliveryOutcomes(deliveries, subscriptions, events, new HandOff(0, new DispatchSignal(), deliveries), new DeliveryOutcomes.Policy(
                new RetryPolicy(new RetrySchedule(retrySchedule, 0), settings.maxRetryAfter(), () -> 0.5),
                new SubscriptionHealth.Rules(settings.failingAfter(), settings.disableAfter()), settings.autoRedriveWindow()), clock);
    }
}
