package io.sitrep.incidentservice.maintenance.web;

import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.maintenance.ScheduleMaintenance;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Schedule a maintenance window.
 *
 * @param message      what will be done (Markdown), the first update of its timeline
 * @param components   ids of the components it covers; each must be defined
 * @param autoStart    start by itself at scheduledFor; true when absent
 * @param autoComplete complete by itself at scheduledUntil; true when absent
 * @param remindBefore publish maintenance.reminder this long before scheduledFor, an ISO-8601 duration such as PT1H; no reminder when absent
 */
record ScheduleMaintenanceRequest(
        @NotBlank @Size(max = MaintenanceLimits.TITLE) String title,
        @NotBlank @Size(max = MaintenanceLimits.MESSAGE) String message,
        @Size(max = MaintenanceLimits.COMPONENTS) List<@NotNull @Pattern(regexp = ComponentId.PATTERN, message = MaintenanceLimits.COMPONENT_ID_MESSAGE) String> components,
        @NotNull Instant scheduledFor,
        @NotNull Instant scheduledUntil,
        Boolean autoStart,
        Boolean autoComplete,
        Duration remindBefore) {

    ScheduleMaintenance command() {
        return new ScheduleMaintenance(title.strip(), message.strip(), scheduledFor, scheduledUntil,
                autoStart == null || autoStart, autoComplete == null || autoComplete, remindBefore);
    }
}
