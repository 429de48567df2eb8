package io.sitrep.support.consumer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Imported by a service with a {@link BatchConsumer}: the settings {@code sitrep.consumer.*} and the factory of error
 * handlers. The service declares its handler as a bean, made with {@link BatchErrorHandlers#create}, and names it in
 * its binding ({@code spring.cloud.stream.kafka.bindings.<binding>.consumer.common-error-handler-bean-name}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerSettings.class)
public class BatchConsumerConfiguration {

    @Bean
    BatchErrorHandlers batchErrorHandlers(ConsumerSettings settings) {
        return new BatchErrorHandlers(settings);
    }
}
