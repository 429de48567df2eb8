package io.sitrep.timeline.status.web;

import io.sitrep.timeline.readmodel.OverallStatus;
import io.sitrep.timeline.readmodel.ReadModels;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The overall status of everything Sitrep watches. */
@RestController
class StatusController {

    private final ReadModels readModels;

    StatusController(ReadModels readModels) {
        this.readModels = readModels;
    }

    /**
     * @param indicator none, minor, major or critical
     */
    record StatusResponse(String indicator, String description) {
    }

    @Operation(operationId = "getStatus", summary = "The overall indicator (none, minor, major, critical) and its description")
    @GetMapping("/api/v1/status")
    StatusResponse status() {
        OverallStatus status = OverallStatus.of(readModels.components(), readModels.openIncidents());
        return new StatusResponse(status.indicator().wireName(), status.description());
    }
}
