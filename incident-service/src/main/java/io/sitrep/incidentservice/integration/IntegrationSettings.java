package io.sitrep.incidentservice.integration;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How alerts from on-call tools become incidents.
 *
 * @param severities       alert severity (lower-case) to incident impact; unlisted severities give {@code defaultImpact}
 * @param defaultImpact    the impact of an alert whose severity is missing or unlisted
 * @param componentStatus  the status an incident of each impact gives the components it affects
 * @param alertmanager     how Alertmanager labels and annotations map onto an incident
 * @param incidentVisibility the visibility of the incidents alerts open, unless the key's
 *                           {@code sitrep.security.api-keys[n].incident-visibility} says otherwise
 */
@Validated
@ConfigurationProperties("sitrep.integrations")
public record IntegrationSettings(
        Map<String, Impact> severities,
        @DefaultValue("minor") @NotNull Impact defaultImpact,
        Map<Impact, ComponentStatus> componentStatus,
        @DefaultValue @Valid @NotNull Alertmanager alertmanager,
        @DefaultValue("internal") @NotNull Visibility incidentVisibility) {

    public IntegrationSettings {
        Map<String, Impact> bySeverity = new LinkedHashMap<>();
        if (severities == null || severities.isEmpty()) {
            bySeverity.put("critical", Impact.CRITICAL);
            bySeverity.put("page", Impact.CRITICAL);
            bySeverity.put("error", Impact.MAJOR);
            bySeverity.put("high", Impact.MAJOR);
            bySeverity.put("major", Impact.MAJOR);
            bySeverity.put("warning", Impact.MINOR);
            bySeverity.put("warn", Impact.MINOR);
            bySeverity.put("minor", Impact.MINOR);
            bySeverity.put("info", Impact.NONE);
            bySeverity.put("none", Impact.NONE);
        } else {
            severities.forEach((severity, impact) -> bySeverity.put(severity.toLowerCase(Locale.ROOT), impact));
        }
        severities = Map.copyOf(bySeverity);
        Map<Impact, ComponentStatus> statuses = new EnumMap<>(Impact.class);
        statuses.put(Impact.CRITICAL, ComponentStatus.MAJOR_OUTAGE);
        statuses.put(Impact.MAJOR, ComponentStatus.PARTIAL_OUTAGE);
        statuses.put(Impact.MINOR, ComponentStatus.DEGRADED_PERFORMANCE);
        statuses.put(Impact.NONE, ComponentStatus.OPERATIONAL);
        if (componentStatus != null) {
            statuses.putAll(componentStatus);
        }
        componentStatus = Map.copyOf(statuses);
    }

    /** The impact of an alert of this severity. */
    public Impact impactOf(String severity) {
        return severity == null ? defaultImpact : severities.getOrDefault(severity.strip().toLowerCase(Locale.ROOT), defaultImpact);
    }

    /**
     * Where Alertmanager puts what Sitrep needs.
     *
     * @param severityLabel      the label holding the alert's severity
     * @param componentLabel     the label naming the affected component's id
     * @param titleAnnotation    the annotation used as incident title (falls back to the alertname label)
     * @param messageAnnotation  the annotation used as the update message (falls back to the title annotation)
     */
    public record Alertmanager(
            @DefaultValue("severity") @NotBlank String severityLabel,
            @DefaultValue("component") @NotBlank String componentLabel,
            @DefaultValue("summary") @NotBlank String titleAnnotation,
            @DefaultValue("description") @NotBlank String messageAnnotation) {
    }
}
