package io.sitrep.testsupport;

/** A running Kafka broker. */
public interface KafkaServer {

    /** The bootstrap servers, {@code host:port[,host:port]}. */
    String bootstrapServers();

    void stop();
}
