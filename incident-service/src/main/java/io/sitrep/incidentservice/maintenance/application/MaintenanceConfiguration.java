package io.sitrep.incidentservice.maintenance.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the poller of due maintenance steps. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaintenanceSettings.class)
class MaintenanceConfiguration {

    @Bean
    DueMaintenancePoller dueMaintenancePoller(MaintenanceCommands commands, MaintenanceSettings settings) {
        return new DueMaintenancePoller(commands, settings);
    }
}
