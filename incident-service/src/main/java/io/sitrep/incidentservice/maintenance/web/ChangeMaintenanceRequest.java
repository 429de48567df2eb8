package io.sitrep.incidentservice.maintenance.web;

import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.maintenance.ChangeMaintenance;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reschedule, rename or change the components of a scheduled window; absent fields keep what is there.
 *
 * @param components   the components it covers from now on
 * @param remindBefore a new reminder lead; PT0S removes the reminder
 * @param message      an update to post with the change (Markdown); none when absent
 */
record ChangeMaintenanceRequest(
        @Size(min = 1, max = MaintenanceLimits.TITLE) String title,
        @Size(max = MaintenanceLimits.COMPONENTS) List<@NotNull @Pattern(regexp = ComponentId.PATTERN, message = MaintenanceLimits.COMPONENT_ID_MESSAGE) String> components,
        Instant scheduledFor,
        Instant scheduledUntil,
        Boolean autoStart,
        Boolean autoComplete,
        Duration remindBefore,
        @Size(min = 1, max = MaintenanceLimits.MESSAGE) String message) {

    ChangeMaintenance command() {
        return new ChangeMaintenance(title == null ? null : title.strip(), scheduledFor, scheduledUntil, autoStart, autoComplete,
                remindBefore, message == null ? null : message.strip());
    }
}
