package io.sitrep.notification.intake;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import io.sitrep.notification.subscription.SubscriptionFilter;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: fan-out read every active subscription into memory at once. It now reads them a page at a time
 * ({@link Fanout#PAGE}) and inserts deliveries a batch at a time; a list longer than a page and a batch still gets
 * exactly one delivery per subscriber and event, and a replay none.
 */
class LargeListFanoutIT extends IntegrationTest {

    private static final int SUBSCRIBERS = 2 * Fanout.PAGE + Fanout.PAGE / 2;

    @Autowired
    private SubscriptionCommands commands;

    @Test
    void anEventToAListLongerThanAPageCreatesExactlyOneDeliveryPerSubscriberAndAReplayNone() {
        String component = freshComponent("large-list");
        Receiver receiver = aReceiver();
        List<SubscriptionId> list = new ArrayList<>();
        SubscriptionFilter filter = new SubscriptionFilter(Set.of(component), Set.of(), null, false);
        for (int i = 0; i < SUBSCRIBERS; i++) {
            list.add(commands.subscribeWebhook(receiver.url("/list/" + i), filter).subscription().id());
        }
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        IncidentUpdated identified = Incidents.identified(opened);
        try {

            publish(opened, identified);
            await().atMost(TIMEOUT).until(() -> seen(opened.eventId()) && seen(identified.eventId()));
            publish(opened, identified);
            // The same incident, so the same partition: once it is seen, the replay before it was consumed.
            IncidentUpdated after = Incidents.identified(opened);
            publish(after);
            await().atMost(TIMEOUT).until(() -> seen(after.eventId()));

            for (UUID event : List.of(opened.eventId(), identified.eventId(), after.eventId())) {
                assertThat(count("deliveries WHERE event_id = '" + event + "'")).as("deliveries of " + event).isEqualTo(SUBSCRIBERS);
                assertThat(jdbc.sql("SELECT count(DISTINCT subscription_id) FROM deliveries WHERE event_id = ?").param(event)
                        .query(Long.class).single()).isEqualTo(SUBSCRIBERS);
                assertThat(jdbc.sql("SELECT deliveries FROM seen_events WHERE event_id = ?").param(event).query(Integer.class).single())
                        .isEqualTo(SUBSCRIBERS);
                assertThat(jdbc.sql("""
                                SELECT count(*) FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
                                WHERE d.event_id = ? AND s.components @> ARRAY[?]::text[]""").params(event, component)
                        .query(Long.class).single()).isEqualTo(SUBSCRIBERS);
            }
        } finally {
            list.forEach(commands::delete);
        }
    }

    private boolean seen(UUID eventId) {
        return count("seen_events WHERE event_id = '" + eventId + "'") == 1;
    }
}
