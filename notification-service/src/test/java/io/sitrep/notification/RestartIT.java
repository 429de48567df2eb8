package io.sitrep.notification;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DispatchFixtures;
import io.sitrep.notification.delivery.dispatch.Dispatcher;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.Subscriptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping the dispatcher or the consumer at any moment loses nothing; at most the attempt in flight is sent again. */
class RestartIT extends IntegrationTest {

    private static final String BINDING = "incidentEvents-in-0";

    @Autowired
    private Dispatcher dispatcher;

    @Autowired
    private BindingsLifecycleController bindings;

    @Autowired
    private DispatchFixtures dispatch;

    @Autowired
    private Subscriptions subscriptions;

    @Test
    void deliveriesCreatedWhileTheDispatcherIsStoppedAreSentOnceItStarts() {
        Receiver receiver = aReceiver();
        String component = freshComponent("paused");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        dispatcher.stop();
        try {
            publish(opened);
            await().atMost(TIMEOUT).until(() -> "pending".equals(deliveryStatus(id, opened.eventId())));
            assertThat(receiver.requests()).isEmpty();
        } finally {
            dispatcher.start();
        }

        receiver.awaitRequests(1, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void eventsPublishedWhileTheConsumerIsStoppedAreDeliveredOnceItStarts() {
        Receiver receiver = aReceiver();
        String component = freshComponent("offline");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        bindings.changeState(BINDING, BindingsLifecycleController.State.STOPPED);
        try {
            publish(opened);
            assertThat(deliveryStatus(id, opened.eventId())).isNull();
        } finally {
            bindings.changeState(BINDING, BindingsLifecycleController.State.STARTED);
        }

        receiver.awaitRequests(1, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
    }

    @Test
    void aDeliveryInFlightWhenItsDispatcherDiedIsSentAgainWithTheSameWebhookId() {
        Receiver receiver = aReceiver();
        String component = freshComponent("crash");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        dispatcher.stop();
        Delivery.Delivering inFlight;
        try {
            publish(opened);
            await().atMost(TIMEOUT).until(() -> "pending".equals(deliveryStatus(id, opened.eventId())));
            // As a dispatcher leaves it when the process dies mid-send: claimed under a lease that then expires.
            inFlight = dispatch.claimOf(subscriptions.find(new SubscriptionId(UUID.fromString(id))).orElseThrow(), Instant.now(),
                    Duration.ofMillis(200));
        } finally {
            dispatcher.start();
        }

        List<Receiver.Request> requests = receiver.awaitRequests(1, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        assertThat(requests.get(0).header("webhook-id")).isEqualTo(inFlight.id().value().toString());
        assertThat(requests.get(0).at()).as("sent again once the lease expired").isAfter(inFlight.lease().until());
        assertThat(receiver.requests()).hasSize(1);
    }
}
