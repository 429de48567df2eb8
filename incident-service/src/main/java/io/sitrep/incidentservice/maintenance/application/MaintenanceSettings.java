package io.sitrep.incidentservice.maintenance.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * Scheduled maintenance.
 *
 * @param maxWindow      the longest window that may be scheduled, from scheduledFor to scheduledUntil
 * @param pollInterval   how often each instance looks for reminders, starts and completions that have fallen due
 * @param batchSize      how many due windows one poll claims and applies in one transaction, at most
 * @param suppressAlerts whether an alert whose every component is under an in-progress window opens no incident
 * @param suppressAlertsByKey per API key name, whether its alerts are suppressed so, in place of {@code suppressAlerts}
 *                            (e.g. {@code false} for a key whose alerts must always open an incident)
 */
@Validated
@ConfigurationProperties("sitrep.maintenance")
public record MaintenanceSettings(
        @DefaultValue("P14D") @NotNull Duration maxWindow,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("true") boolean suppressAlerts,
        @DefaultValue Map<String, Boolean> suppressAlertsByKey) {

    /** Whether alerts sent with the key of this name are suppressed during maintenance. */
    public boolean suppressesAlertsOf(String keyName) {
        return suppressAlertsByKey.getOrDefault(keyName, suppressAlerts);
    }
}
