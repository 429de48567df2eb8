package io.sitrep.notification.selfservice;

import io.sitrep.support.web.ClientAddresses;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** Wires the public subscriptions: their limits and the client addresses they count. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SelfServiceSettings.class)
class SelfServiceConfiguration {

    @Bean
    PublicRequests publicRequests(JdbcClient jdbc, SelfServiceSettings settings, Clock clock) {
        return new PublicRequests(jdbc, settings, clock);
    }

    @Bean
    SelfService selfService(SubscriptionCommands commands, PublicRequests limits, MeterRegistry meters) {
        return new SelfService(commands, limits, meters);
    }

    @Bean
    ClientAddresses publicClientAddresses(SelfServiceSettings settings) {
        return new ClientAddresses(settings.trustedProxies());
    }
}
