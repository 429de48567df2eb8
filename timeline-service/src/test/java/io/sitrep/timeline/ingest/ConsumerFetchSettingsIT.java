package io.sitrep.timeline.ingest;

import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.messaging.MessageChannel;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the live consumer fetches: nothing holds a record back at the broker. */
class ConsumerFetchSettingsIT extends IntegrationTest {

    @Autowired
    private BinderFactory binders;

    // issue 17: a 64 KB fetch.min.bytes held every record of an idle topic up to 20 ms (fetch.max.wait.ms) at the broker.
    @Test
    void theBrokerAnswersAFetchAsSoonAsItHoldsARecord() {
        KafkaMessageChannelBinder binder = (KafkaMessageChannelBinder) binders.getBinder(null, MessageChannel.class);

        Map<String, String> consumer = binder.getExtendedConsumerProperties("incidentEvents-in-0").getConfiguration();

        assertThat(consumer).containsEntry("fetch.min.bytes", "1");
    }
}
