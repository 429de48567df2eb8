package io.sitrep.timeline.component.web;

import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.UnknownComponent;
import io.sitrep.timeline.readmodel.Uptime;
import io.sitrep.timeline.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Components as the read models hold them. */
@RestController
@RequestMapping("/api/v1/components")
class ComponentController {

    private final ReadModels readModels;
    private final Clock clock;

    ComponentController(ReadModels readModels, Clock clock) {
        this.readModels = readModels;
        this.clock = clock;
    }

    @Operation(operationId = "listComponents", summary = "Every component with its group and current status")
    @GetMapping
    ComponentList list() {
        return new ComponentList(readModels.components().stream().map(ComponentResponse::of).toList());
    }

    @Operation(operationId = "getComponent", summary = "One component with its group and current status")
    @GetMapping("/{id}")
    ComponentResponse get(@PathVariable String id) {
        return readModels.component(id).map(ComponentResponse::of).orElseThrow(() -> new UnknownComponent(id));
    }

    @Operation(operationId = "getComponentUptime", summary = "Daily uptime of a component: minutes in each non-operational status, and a percentage")
    @GetMapping("/{id}/uptime")
    UptimeResponse uptime(@PathVariable String id,
                          @Parameter(description = "how many UTC days, ending today, 1 to 366", schema = @Schema(defaultValue = "90"))
                          @RequestParam(required = false) String days) {
        int count = QueryParameters.integer("days", days, 1, 366, 90);
        ComponentView component = readModels.component(id).orElseThrow(() -> new UnknownComponent(id));
        return UptimeResponse.of(Uptime.of(component, readModels.statusChanges(id), count, clock.instant()));
    }
}
