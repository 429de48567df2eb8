package io.sitrep.timeline.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Starting and following a rebuild of the read models; needs the admin key. */
@RestController
@RequestMapping("/api/v1/admin/rebuild")
@SecurityRequirement(name = "adminKey")
class RebuildController {

    private final Rebuilder rebuilder;

    RebuildController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Operation(operationId = "startRebuild",
            summary = "Rebuild every read model from the start of the topic into a new generation, switching to it when caught up",
            responses = @ApiResponse(responseCode = "202", description = "the rebuild started; its progress",
                    content = @Content(schema = @Schema(implementation = RebuildProgress.class))))
    @PostMapping
    ResponseEntity<RebuildProgress> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/admin/rebuild")).body(rebuilder.start());
    }

    @Operation(operationId = "getRebuild", summary = "The progress of the running or last rebuild: events applied, rate and lag")
    @GetMapping
    RebuildProgress progress() {
        return rebuilder.progress();
    }
}
