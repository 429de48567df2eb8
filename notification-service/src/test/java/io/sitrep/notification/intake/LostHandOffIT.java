package io.sitrep.notification.intake;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.notification.delivery.dispatch.DeliverySettings;
import io.sitrep.notification.delivery.dispatch.Dispatcher;
import io.sitrep.notification.delivery.dispatch.EndpointIsolation;
import io.sitrep.support.tracing.StoredTrace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * issue 17: a delivery born claimed whose hand-off is lost with the process (its dispatcher never took it) keeps its
 * lease until it expires; then a claim of any instance sends it, once, with the same webhook-id.
 */
class LostHandOffIT extends IntegrationTest {

    @Autowired
    private IncidentEventConsumer intake;

    @Autowired
    private HandOff handOff;

    @Autowired
    private Dispatcher dispatcher;

    @Autowired
    private EndpointIsolation isolation;

    @Autowired
    private DeliverySettings settings;

    @Test
    void aDeliveryWhoseHandOffWasLostIsSentOnceItsLeaseExpiresWithTheSameWebhookId() {
        Receiver receiver = aReceiver();
        String component = freshComponent("lost");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        List<HandOff.Handed> lost;
        dispatcher.stop();
        try {
            // A dispatcher that takes the hand-off and dies before sending: its process's slots die with it.
            handOff.open(new HandOff.Taker() {
                @Override
                public Duration lease() {
                    return settings.lease();
                }

                @Override
                public int attempts() {
                    return 1;
                }

                @Override
                public HandOff.Slot holdSlot(String endpoint) {
                    return isolation.holdSlot(endpoint);
                }
            });
            // Whose last claim found nothing due.
            handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);
            intake.fanOut(List.of(new Fanout.Incoming(opened, StoredTrace.NONE)));
            lost = handOff.take();
            lost.forEach(h -> h.slot().free());
            handOff.close(Instant.now());
        } finally {
            dispatcher.start();
        }
        assertThat(lost).hasSize(1);
        HandOff.Handed handed = lost.get(0);
        assertThat(jdbc.sql("SELECT lease_id FROM deliveries WHERE id = ?").param(handed.delivery().id().value())
                .query(java.util.UUID.class).single()).as("born claimed, under the lost dispatcher's lease")
                .isEqualTo(handed.delivery().lease().id());

        List<Receiver.Request> requests = receiver.awaitRequests(1, TIMEOUT);

        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        assertThat(requests.get(0).at()).as("sent once the lease expired").isAfterOrEqualTo(handed.delivery().lease().until());
        assertThat(requests.get(0).header("webhook-id")).isEqualTo(handed.delivery().id().value().toString());
        assertThat(receiver.requests()).hasSize(1);
    }
}
