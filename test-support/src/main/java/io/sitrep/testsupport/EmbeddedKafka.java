package io.sitrep.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/** A single KRaft broker inside this JVM (spring-kafka-test). */
final class EmbeddedKafka implements KafkaServer {

    private final EmbeddedKafkaKraftBroker broker;

    EmbeddedKafka() {
        broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "4",
                "offsets.topic.num.partitions", "4",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void stop() {
        broker.destroy();
    }
}
