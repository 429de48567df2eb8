package io.sitrep.testsupport;

import org.testcontainers.kafka.KafkaContainer;

/** The {@code apache/kafka} image in KRaft mode. */
final class ContainerKafka implements KafkaServer {

    private final KafkaContainer container;

    ContainerKafka() {
        container = new KafkaContainer("apache/kafka:4.1.2")
                .withEnv("KAFKA_NUM_PARTITIONS", "4")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void stop() {
        container.stop();
    }
}
