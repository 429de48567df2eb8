package io.sitrep.notification.delivery.application;

import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DeliveryId;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.notification.delivery.Endpoints;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.notification.subscription.SubscriptionDeliveries;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.support.tracing.Traces;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The deliveries the subscription side asks for or ends, in its transaction. */
@Component
class DeliveriesOfSubscriptions implements SubscriptionDeliveries {

    private final Deliveries deliveries;
    private final DispatchSignal signal;
    private final HandOff handOff;
    private final Traces traces;

    DeliveriesOfSubscriptions(Deliveries deliveries, DispatchSignal signal, HandOff handOff, Traces traces) {
        this.deliveries = deliveries;
        this.signal = signal;
        this.handOff = handOff;
        this.traces = traces;
    }

    @Override
    public void cancelOpen(SubscriptionId id, String reason) {
        deliveries.cancelOpen(id, reason);
    }

    @Override
    public boolean confirmationOnItsWay(SubscriptionId id) {
        return deliveries.hasOpen(id, CONFIRMATION);
    }

    @Override
    public void queueConfirmation(SubscriptionId id, UUID eventId, Instant now) {
        // The confirmation email continues the trace of the request that asked for it.
        ForTheClaim.insert(deliveries, handOff, List.of(new Deliveries.NewDelivery(DeliveryId.random(), id, new Delivery.Sending(eventId,
                CONFIRMATION, Endpoints.SMTP, "{}".getBytes(StandardCharsets.UTF_8), now, traces.current()))), now, signal::wake);
    }
}
