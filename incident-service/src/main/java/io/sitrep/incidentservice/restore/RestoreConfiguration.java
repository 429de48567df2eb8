package io.sitrep.incidentservice.restore;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.incidentservice.component.Components;
import io.sitrep.incidentservice.incident.Incidents;
import io.sitrep.incidentservice.maintenance.Maintenances;
import io.sitrep.support.outbox.OutboxSettings;
import io.sitrep.support.web.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** The restore from the event log, its gate on writes, the lost-rows check and the command-line mode. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RestoreSettings.class)
class RestoreConfiguration {

    @Bean
    RestoreGate restoreGate() {
        return new RestoreGate();
    }

    @Bean
    EventLog restoreEventLog(KafkaProperties kafka, OutboxSettings outbox, RestoreSettings settings, Clock clock) {
        return new EventLog(kafka, outbox.topic(), settings, clock);
    }

    @Bean
    Restorer restorer(EventLog restoreEventLog, StoredState stored, Incidents incidents, Components components,
                      Maintenances maintenances, PlatformTransactionManager transactions, RestoreGate gate, Clock clock) {
        return new Restorer(restoreEventLog, stored, incidents, components, maintenances, new TransactionTemplate(transactions), gate,
                clock);
    }

    /** Named so that health shows it as {@code lostRows}. */
    @Bean
    LostRowsCheck lostRowsHealthIndicator(EventLog restoreEventLog, StoredState stored, RestoreSettings settings, Clock clock,
                                          MeterRegistry meters) {
        return new LostRowsCheck(restoreEventLog, stored, settings, clock, meters);
    }

    /** After the security filters (their order is -100), so that keys and scopes are checked first. */
    @Bean
    FilterRegistrationBean<RestoreGateFilter> restoreGateFilter(RestoreGate gate, ProblemWriter problems, RestoreSettings settings) {
        FilterRegistrationBean<RestoreGateFilter> registration = new FilterRegistrationBean<>(new RestoreGateFilter(gate, problems, settings));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    RestoreCommandLine restoreCommandLine(RestoreSettings settings, Restorer restorer, JsonMapper json) {
        return new RestoreCommandLine(settings, restorer, json);
    }
}
