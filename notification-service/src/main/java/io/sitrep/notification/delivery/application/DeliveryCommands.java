package io.sitrep.notification.delivery.application;

import io.sitrep.notification.delivery.AttemptTrigger;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.DeliveryStatus;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.notification.subscription.UnknownSubscription;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Reading a subscription's deliveries, and re-driving dead letters on request. */
@Service
public class DeliveryCommands {

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final DispatchSignal signal;
    private final Clock clock;

    DeliveryCommands(Deliveries deliveries, Subscriptions subscriptions, DispatchSignal signal, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.signal = signal;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Deliveries.View> list(SubscriptionId id, DeliveryStatus status, int limit) {
        subscriptions.find(id).orElseThrow(() -> new UnknownSubscription(id));
        return deliveries.list(id, status, limit);
    }

    /**
     * Queues dead letters again with a fresh retry schedule; only those of active subscriptions.
     *
     * @return how many were (or, on a dry run, would be) queued
     */
    public int redrive(SubscriptionId id, Instant since, Instant until, boolean dryRun) {
        if (id != null) {
            subscriptions.find(id).orElseThrow(() -> new UnknownSubscription(id));
        }
        int count = deliveries.redrive(id, since, until, dryRun, AttemptTrigger.MANUAL_REDRIVE, clock.instant());
        if (!dryRun && count > 0) {
            signal.wake();
        }
        return count;
    }
}
