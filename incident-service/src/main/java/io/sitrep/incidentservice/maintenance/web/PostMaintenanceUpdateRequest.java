package io.sitrep.incidentservice.maintenance.web;

import io.sitrep.events.MaintenanceStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Post an update to a window's timeline.
 *
 * @param message what it tells users (Markdown)
 * @param status  in_progress or verifying to move a started window between them, completed to complete it; unchanged when absent
 */
record PostMaintenanceUpdateRequest(
        @NotBlank @Size(max = MaintenanceLimits.MESSAGE) String message,
        MaintenanceStatus status) {
}
