package io.sitrep.notification.intake;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import io.sitrep.notification.delivery.dispatch.DeliverySettings;
import io.sitrep.support.path.PathStamps;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.messaging.MessageChannel;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The idle path from an event to its webhook waits for no timer: the broker answers the consumer's fetch as soon as it
 * holds the record, and the intake wakes the dispatcher once its fan-out commits. The dispatcher's poll is a minute
 * here, so only the wake-up can explain a delivery within seconds.
 */
class IdlePathIT extends IntegrationTest {

    private static final Duration POLL_INTERVAL = Duration.ofMinutes(1);

    @DynamicPropertySource
    static void slowPoll(DynamicPropertyRegistry registry) {
        registry.add("sitrep.notification.delivery.poll-interval", POLL_INTERVAL::toString);
    }

    @Autowired
    private BinderFactory binders;

    @Autowired
    private DeliverySettings settings;

    // issue 17: a 64 KB fetch.min.bytes held every record of an idle topic up to 20 ms (fetch.max.wait.ms) at the broker.
    @Test
    void theBrokerAnswersAFetchAsSoonAsItHoldsARecord() {
        KafkaMessageChannelBinder binder = (KafkaMessageChannelBinder) binders.getBinder(null, MessageChannel.class);

        Map<String, String> consumer = binder.getExtendedConsumerProperties("incidentEvents-in-0").getConfiguration();

        assertThat(consumer).containsEntry("fetch.min.bytes", "1");
    }

    // issue 17: the idle path; a delivery the intake commits is claimed on the intake's wake-up, not on the next poll.
    @Test
    void aDeliveryTheIntakeCommitsIsSentWithoutWaitingForTheDispatchersPoll() {
        Receiver receiver = aReceiver();
        String component = freshComponent("idle");
        subscribeWebhook(receiver.url(), component);
        IncidentOpened first = Incidents.opened(component, Impact.MINOR);
        publish(first);
        // The first delivery waits for the consumer to join its group; the dispatcher then polls again only in a minute.
        receiver.awaitRequests(1, TIMEOUT);
        IncidentOpened second = Incidents.opened(component, Impact.MINOR);

        publish(second);

        assertThat(settings.pollInterval()).isEqualTo(POLL_INTERVAL);
        assertThat(receiver.awaitRequests(2, Duration.ofSeconds(5))).hasSize(2);
    }

    // issue 17: the bench's per-step breakdown of the idle path joins these stamps by event and delivery id.
    @Test
    void everyStepOfTheWayToAWebhookIsStampedWhileThePathLoggerIsAtDebug() {
        Logger logger = (Logger) LoggerFactory.getLogger(PathStamps.LOGGER);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.DEBUG);
        try {
            Receiver receiver = aReceiver();
            String component = freshComponent("stamped");
            subscribeWebhook(receiver.url(), component);
            IncidentOpened opened = Incidents.opened(component, Impact.MINOR);

            publish(opened);

            String delivery = receiver.awaitRequests(1, TIMEOUT).get(0).header("webhook-id");
            String event = opened.eventId().toString();
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(stamps(lines)).contains(
                    "intake.polled " + event, "fanout.begun " + event, "fanout.committed " + event,
                    "dispatch.taken " + delivery + " " + event, "attempt.started " + delivery + " " + event,
                    "webhook.sending " + delivery));
        } finally {
            logger.setLevel(null);
            logger.detachAppender(lines);
        }
    }

    /** Each stamp as {@code <step> <key>[ <event id>]}, without its moment. */
    private static List<String> stamps(ListAppender<ILoggingEvent> lines) {
        List<ILoggingEvent> written;
        // The appender appends under its own lock.
        synchronized (lines) {
            written = List.copyOf(lines.list);
        }
        return written.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .map(line -> line.split(" "))
                .map(parts -> parts[1] + " " + parts[2] + (parts.length > 4 ? " " + parts[4] : ""))
                .toList();
    }
}
