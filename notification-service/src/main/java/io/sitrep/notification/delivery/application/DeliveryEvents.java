package io.sitrep.notification.delivery.application;

import io.sitrep.events.DeliveryEvent;
import io.sitrep.events.DeliveryExhausted;
import io.sitrep.events.DeliveryFailing;
import io.sitrep.events.DeliveryRecovered;
import io.sitrep.events.SubscriptionDisabled;
import io.sitrep.events.SubscriptionSnapshot;
import io.sitrep.notification.delivery.DeliveryId;
import io.sitrep.support.outbox.Outbox;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.Subscriptions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes delivery events to the outbox in the caller's transaction, numbered per subscription. */
@Component
public class DeliveryEvents {

    private final Outbox outbox;
    private final Subscriptions subscriptions;

    DeliveryEvents(Outbox outbox, Subscriptions subscriptions) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void failing(Subscription s, DeliveryId deliveryId, int consecutiveFailures, Instant failingSince, String lastError, Instant now) {
        append(new DeliveryFailing(UUID.randomUUID(), s.id().value(), version(s), now, now, snapshot(s, s.status()),
                deliveryId.value(), consecutiveFailures, failingSince, lastError == null ? "failed" : lastError));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void exhausted(Subscription s, DeliveryId deliveryId, UUID sourceEventId, String sourceEventType, int attempts, String lastError,
                          Instant now) {
        append(new DeliveryExhausted(UUID.randomUUID(), s.id().value(), version(s), now, now, snapshot(s, s.status()),
                deliveryId.value(), sourceEventId, sourceEventType, attempts, lastError == null ? "failed" : lastError));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recovered(Subscription s, Instant failingSince, int redriven, Instant now) {
        append(new DeliveryRecovered(UUID.randomUUID(), s.id().value(), version(s), now, now, snapshot(s, s.status()),
                failingSince, redriven));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void disabled(Subscription s, String reason, String detail, Instant now) {
        append(new SubscriptionDisabled(UUID.randomUUID(), s.id().value(), version(s), now, now,
                snapshot(s, SubscriptionStatus.DISABLED), reason, detail));
    }

    private long version(Subscription s) {
        return subscriptions.nextEventVersion(s.id());
    }

    private void append(DeliveryEvent event) {
        outbox.append(List.of(event));
    }

    private static SubscriptionSnapshot snapshot(Subscription s, SubscriptionStatus status) {
        return new SubscriptionSnapshot(s.id().value(), s.channel().wireName(), s.publicTarget(), status.wireName());
    }
}
