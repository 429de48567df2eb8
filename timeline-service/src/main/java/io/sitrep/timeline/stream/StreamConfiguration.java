package io.sitrep.timeline.stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the live stream and its feed; the stream closes every client on shutdown. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean(destroyMethod = "close")
    EventStream eventStream(StreamSettings settings) {
        return new EventStream(settings);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    StreamFeed streamFeed(JdbcClient jdbc, EventStream stream, StreamSettings settings, ApplicationEventPublisher changes) {
        return new StreamFeed(jdbc, stream, settings, changes);
    }
}
