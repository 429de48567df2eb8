package io.sitrep.notification.delivery.application;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.DeliveryStatus;
import io.sitrep.notification.delivery.RetryAfter;
import io.sitrep.notification.delivery.RetrySchedule;
import io.sitrep.notification.delivery.persistence.JdbcDeliveries;
import io.sitrep.notification.delivery.persistence.JdbcDeliveries.Claimed;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.persistence.JdbcSubscriptions;
import io.sitrep.notification.subscription.persistence.JdbcSubscriptions.Health;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Records what one attempt got, in one short transaction: the attempt itself, the delivery's new
 * state (delivered, failed with its next attempt, dead, cancelled), the subscription's health, and
 * the delivery events that follow (failing, exhausted, recovered, disabled).
 */
public class DeliveryOutcomes {

    /**
     * The event type of the email that tells a webhook's contact address (of a webhook subscribed from the status page)
     * that it was disabled; not an event of the contract.
     */
    public static final String DISABLED_NOTICE = "subscription.disabled_notice";

    /** What became of the delivery. */
    public enum Outcome {
        DELIVERED("delivered"),
        RETRYING("retrying"),
        DEAD("dead"),
        GONE("gone"),
        DISABLED("disabled"),
        /** Another dispatcher took the delivery over after this one's lease expired; only the attempt was stored. */
        LEASE_LOST("lease_lost");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        /** The value of the {@code outcome} tag of {@code sitrep.deliveries}. */
        public String tag() {
            return tag;
        }
    }

    /** The rules outcomes follow. */
    public record Policy(RetrySchedule schedule, Duration maxRetryAfter, int failingAfter, Duration disableAfter,
                         Duration autoRedriveWindow) {
    }

    private final JdbcDeliveries deliveries;
    private final JdbcSubscriptions subscriptions;
    private final DeliveryEvents events;
    private final Policy policy;
    private final DoubleSupplier random;
    private final Clock clock;

    public DeliveryOutcomes(JdbcDeliveries deliveries, JdbcSubscriptions subscriptions, DeliveryEvents events, Policy policy,
                            DoubleSupplier random, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.events = events;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    /** A successful attempt to record with others; {@code inScope} runs work in the attempt's trace. */
    public record Delivered(Claimed delivery, Subscription subscription, AttemptResult result, Instant attemptedAt,
                            Consumer<Runnable> inScope) {
    }

    /**
     * Records successful attempts together, in one transaction and a fixed number of statements: the
     * attempts, the deliveries settled, and the end of any run of failures of their subscriptions. A
     * subscription that was failing recovers as in {@link #record}: its dead letters of the outage go out
     * again, and {@code delivery.recovered} is published in the trace of the attempt that found it back.
     *
     * @return each attempt's outcome, in the same order: delivered, or lease lost
     */
    @Transactional
    public List<Outcome> recordDelivered(List<Delivered> batch) {
        Instant now = clock.instant();
        List<Claimed> claimed = batch.stream().map(Delivered::delivery).toList();
        List<Integer> statusCodes = batch.stream().map(d -> d.result().statusCode()).toList();
        deliveries.recordAttempts(claimed, batch.stream().map(Delivered::attemptedAt).toList(), statusCodes,
                batch.stream().map(d -> d.result().duration()).toList());
        boolean[] settled = deliveries.settleDelivered(claimed, statusCodes, now);
        Map<SubscriptionId, Delivered> firstOfEach = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (settled[i]) {
                firstOfEach.putIfAbsent(batch.get(i).subscription().id(), batch.get(i));
            }
        }
        subscriptions.recordSuccesses(firstOfEach.keySet()).forEach((id, before) -> {
            Delivered found = firstOfEach.get(id);
            found.inScope().accept(() -> recovered(found.subscription(), before, now));
        });
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (boolean ok : settled) {
            outcomes.add(ok ? Outcome.DELIVERED : Outcome.LEASE_LOST);
        }
        return outcomes;
    }

    @Transactional
    public Outcome record(Claimed d, Subscription s, AttemptResult result, Instant attemptedAt) {
        Instant now = clock.instant();
        int attempt = deliveries.recordAttempt(d, attemptedAt, result.statusCode(), result.duration(), result.error());
        return switch (result.verdict()) {
            case DELIVERED -> delivered(d, s, result, now);
            case GONE -> gone(d, s, result, now);
            case RETRY -> failed(d, s, result, attempt, attemptedAt, now);
        };
    }

    private Outcome delivered(Claimed d, Subscription s, AttemptResult result, Instant now) {
        if (!deliveries.settle(d, DeliveryStatus.DELIVERED, now, result.statusCode(), null, null)) {
            return Outcome.LEASE_LOST;
        }
        recovered(s, subscriptions.recordSuccess(s.id()), now);
        return Outcome.DELIVERED;
    }

    /** After a success: if the subscription was failing, the receiver is back, and its dead letters from the outage go out again by themselves. */
    private void recovered(Subscription s, Health before, Instant now) {
        if (before.failingSince() != null) {
            int redriven = deliveries.redrive(s.id().value(), now.minus(policy.autoRedriveWindow()), null, false, now);
            if (before.failingReported() || redriven > 0) {
                events.recovered(s, before.failingSince(), redriven, now);
            }
        }
    }

    private Outcome gone(Claimed d, Subscription s, AttemptResult result, Instant now) {
        boolean http410 = !result.gone();
        String detail = http410 ? "The receiver answered 410 Gone: it asked for no more deliveries."
                : "The receiver answered " + result.error() + ": it is gone for good.";
        if (!deliveries.settle(d, DeliveryStatus.CANCELLED, now, result.statusCode(),
                http410 ? "the receiver answered 410 Gone" : "the receiver is gone: " + result.error(), null)) {
            return Outcome.LEASE_LOST;
        }
        disable(s, "receiver_gone", detail, now, false);
        return Outcome.GONE;
    }

    private Outcome failed(Claimed d, Subscription s, AttemptResult result, int attempt, Instant attemptedAt, Instant now) {
        Health health = subscriptions.recordFailure(s.id(), attemptedAt);
        boolean active = health.status() == SubscriptionStatus.ACTIVE;
        boolean tooLong = active && !health.failingSince().isAfter(now.minus(policy.disableAfter()));
        Optional<Duration> delay = tooLong ? Optional.empty() : policy.schedule().delayAfter(d.roundAttempts() + 1, random);
        DeliveryStatus status = delay.isPresent() ? DeliveryStatus.FAILED : DeliveryStatus.DEAD;
        Instant next = delay.map(scheduled -> now.plus(RetryAfter.honour(scheduled, result.retryAfter(), policy.maxRetryAfter())))
                .orElse(null);
        if (!deliveries.settle(d, status, now, result.statusCode(), result.error(), next)) {
            return Outcome.LEASE_LOST;
        }
        if (active && !health.failingReported() && health.consecutiveFailures() >= policy.failingAfter()) {
            subscriptions.markFailingReported(s.id());
            events.failing(s, d.id(), health.consecutiveFailures(), health.failingSince(), result.error(), now);
        }
        if (tooLong) {
            disable(s, "failing_too_long", "Every attempt failed since " + health.failingSince() + ", for longer than "
                    + policy.disableAfter() + ".", now, true);
            return Outcome.DISABLED;
        }
        if (status == DeliveryStatus.DEAD) {
            events.exhausted(s, d.id(), d.eventId(), d.eventType(), attempt, result.error(), now);
            return Outcome.DEAD;
        }
        return Outcome.RETRYING;
    }

    /**
     * Disables the subscription. What it still had to send is cancelled when the receiver asked for
     * nothing more, and kept as dead letters when it merely kept failing.
     */
    private void disable(Subscription s, String reason, String detail, Instant now, boolean keepAsDeadLetters) {
        subscriptions.setStatus(s.id(), SubscriptionStatus.DISABLED, reason, now);
        if (keepAsDeadLetters) {
            deliveries.killOpen(s.id().value(), now, "the subscription was disabled: " + reason);
        } else {
            deliveries.cancelOpen(s.id().value(), "the subscription was disabled: " + reason);
        }
        events.disabled(s, reason, detail, now);
        if (s.contactEmail() != null) {
            // In the same transaction: the contact is told exactly when the subscription was disabled.
            byte[] notice = ("{\"reason\":\"" + reason + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            deliveries.insertAll(List.of(new JdbcDeliveries.NewDelivery(java.util.UUID.randomUUID(), s.id().value(),
                    java.util.UUID.randomUUID(), DISABLED_NOTICE, io.sitrep.notification.delivery.dispatch.EndpointIsolation.SMTP,
                    notice, now, io.sitrep.support.tracing.StoredTrace.NONE)), now);
        }
    }
}
