package io.sitrep.notification.delivery.application;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.AttemptTrigger;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DeliveryChanged;
import io.sitrep.notification.delivery.DeliveryId;
import io.sitrep.notification.delivery.Endpoints;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.notification.delivery.RetryPolicy;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionDeliveries;
import io.sitrep.notification.subscription.SubscriptionHealth;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.support.tracing.StoredTrace;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Records what one attempt got, in one short transaction: the attempt itself, the delivery's new state (as
 * {@link Delivery.Delivering#record} decides it), the subscription's health (as {@link SubscriptionHealth} judges
 * it), and the delivery events that follow (failing, exhausted, recovered, disabled).
 */
public class DeliveryOutcomes {

    /**
     * The event type of the email that tells a webhook's contact address (of a webhook subscribed from the status page)
     * that it was disabled; not an event of the contract.
     */
    public static final String DISABLED_NOTICE = SubscriptionDeliveries.DISABLED_NOTICE;

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

    /**
     * The rules outcomes follow.
     *
     * @param autoRedriveWindow how far back a recovering subscription's dead letters go out again by themselves
     */
    public record Policy(RetryPolicy retries, SubscriptionHealth.Rules health, Duration autoRedriveWindow) {
    }

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final DeliveryEvents events;
    private final HandOff handOff;
    private final Policy policy;
    private final Clock clock;

    /** @param handOff where the disabled notice, created unleased, marks its endpoint (ADR 0020) */
    public DeliveryOutcomes(Deliveries deliveries, Subscriptions subscriptions, DeliveryEvents events, HandOff handOff, Policy policy,
                            Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.events = events;
        this.handOff = handOff;
        this.policy = policy;
        this.clock = clock;
    }

    /** A successful attempt to record with others; {@code inScope} runs work in the attempt's trace. */
    public record Delivered(Delivery.Delivering delivery, Subscription subscription, AttemptResult result, Instant attemptedAt,
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
        List<Delivery.Delivering> claimed = batch.stream().map(Delivered::delivery).toList();
        List<Delivery.Delivered> settledAs = new ArrayList<>(batch.size());
        for (Delivered d : batch) {
            if (!(d.delivery().record(d.result(), policy.retries(), clock).state() instanceof Delivery.Delivered delivered)) {
                throw new IllegalArgumentException("delivery " + d.delivery().id() + " did not succeed");
            }
            settledAs.add(delivered);
        }
        deliveries.recordAttempts(claimed, batch.stream().map(Delivered::attemptedAt).toList(),
                batch.stream().map(Delivered::result).toList());
        boolean[] settled = deliveries.settleDelivered(settledAs, claimed);
        Map<SubscriptionId, Delivered> firstOfEach = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (settled[i]) {
                firstOfEach.putIfAbsent(batch.get(i).subscription().id(), batch.get(i));
            }
        }
        Instant now = clock.instant();
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
    public Outcome record(Delivery.Delivering d, Subscription s, AttemptResult result, Instant attemptedAt) {
        deliveries.recordAttempt(d, attemptedAt, result);
        Delivery.Transition<Delivery> transition = d.record(result, policy.retries(), clock);
        Instant now = clock.instant();
        if (transition.state() instanceof Delivery.Delivered) {
            if (!deliveries.settle(d, transition.state(), now)) {
                return Outcome.LEASE_LOST;
            }
            recovered(s, subscriptions.recordSuccess(s.id()), now);
            return Outcome.DELIVERED;
        }
        if (transition.state() instanceof Delivery.Cancelled) {
            return gone(d, s, transition, now);
        }
        return failed(d, s, transition, attemptedAt, now);
    }

    /** After a success: if the subscription was failing, the receiver is back, and its dead letters from the outage go out again by themselves. */
    private void recovered(Subscription s, SubscriptionHealth before, Instant now) {
        if (before.recovers()) {
            int redriven = deliveries.redrive(s.id(), now.minus(policy.autoRedriveWindow()), null, false, AttemptTrigger.AUTOMATIC_REDRIVE, now);
            if (before.recoveryToReport(redriven)) {
                events.recovered(s, before.failingSince(), redriven, now);
            }
        }
    }

    private Outcome gone(Delivery.Delivering d, Subscription s, Delivery.Transition<Delivery> transition, Instant now) {
        if (!deliveries.settle(d, transition.state(), now)) {
            return Outcome.LEASE_LOST;
        }
        DeliveryChanged.ReceiverGone gone = (DeliveryChanged.ReceiverGone) transition.events().get(0);
        String detail = gone.http410() ? "The receiver answered 410 Gone: it asked for no more deliveries."
                : "The receiver answered " + gone.error() + ": it is gone for good.";
        disable(s, "receiver_gone", detail, now, false);
        return Outcome.GONE;
    }

    /**
     * A failed attempt counts against the subscription's health. A subscription failing for too long is disabled, and
     * what it still had to send, this delivery included, is kept as dead letters without an exhaustion of its own.
     */
    private Outcome failed(Delivery.Delivering d, Subscription s, Delivery.Transition<Delivery> transition, Instant attemptedAt,
                           Instant now) {
        SubscriptionHealth health = subscriptions.recordFailure(s.id(), attemptedAt);
        boolean tooLong = health.failingTooLong(policy.health(), now);
        Delivery next = transition.state();
        if (tooLong && next instanceof Delivery.Failed failed) {
            next = failed.abandon(failed.lastError(), now).state();
        }
        if (!deliveries.settle(d, next, now)) {
            return Outcome.LEASE_LOST;
        }
        DeliveryChanged.AttemptFailed attemptFailed = transition.events().stream()
                .filter(DeliveryChanged.AttemptFailed.class::isInstance).map(DeliveryChanged.AttemptFailed.class::cast)
                .findFirst().orElse(null);
        String error = attemptFailed != null ? attemptFailed.error()
                : ((DeliveryChanged.Exhausted) transition.events().get(0)).lastError();
        if (health.failingToReport(policy.health())) {
            subscriptions.markFailingReported(s.id());
            events.failing(s, d.id(), health.consecutiveFailures(), health.failingSince(), error, now);
        }
        if (tooLong) {
            disable(s, "failing_too_long", "Every attempt failed since " + health.failingSince() + ", for longer than "
                    + policy.health().disableAfter() + ".", now, true);
            return Outcome.DISABLED;
        }
        if (transition.events().get(0) instanceof DeliveryChanged.Exhausted exhausted) {
            events.exhausted(s, d.id(), exhausted.eventId(), exhausted.eventType(), exhausted.attempts(), exhausted.lastError(), now);
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
            deliveries.abandonOpen(s.id(), now, "the subscription was disabled: " + reason);
        } else {
            deliveries.cancelOpen(s.id(), "the subscription was disabled: " + reason);
        }
        events.disabled(s, reason, detail, now);
        if (s.contactEmail() != null) {
            // In the same transaction: the contact is told exactly when the subscription was disabled.
            byte[] notice = ("{\"reason\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
            ForTheClaim.insert(deliveries, handOff, List.of(new Deliveries.NewDelivery(DeliveryId.random(), s.id(),
                    new Delivery.Sending(UUID.randomUUID(), DISABLED_NOTICE, Endpoints.SMTP, notice, now, StoredTrace.NONE))), now, () -> { });
        }
    }
}
