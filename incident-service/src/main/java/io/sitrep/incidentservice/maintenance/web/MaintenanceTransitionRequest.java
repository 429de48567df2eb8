package io.sitrep.incidentservice.maintenance.web;

import jakarta.validation.constraints.Size;

/**
 * Start, complete or cancel a window.
 *
 * @param message what the update tells users (Markdown); a standard sentence when absent
 */
record MaintenanceTransitionRequest(@Size(min = 1, max = MaintenanceLimits.MESSAGE) String message) {

    static final MaintenanceTransitionRequest EMPTY = new MaintenanceTransitionRequest(null);

    String strippedMessage() {
        return message == null ? null : message.strip();
    }
}
