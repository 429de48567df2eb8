package io.sitrep.incidentservice.component.web;

import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.ComponentStatus;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.component.Components;
import io.sitrep.incidentservice.component.UnknownComponent;
import io.sitrep.incidentservice.component.application.ComponentCommands;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.sitrep.incidentservice.security.Scopes;
import io.sitrep.support.web.FieldRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Define components and set their status outside any incident. */
@RestController
@RequestMapping(path = "/api/v1/components", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Components")
class ComponentController {

    private final ComponentCommands commands;
    private final Components components;

    ComponentController(ComponentCommands commands, Components components) {
        this.commands = commands;
        this.components = components;
    }

    /**
     * A component's name, group, description and position.
     *
     * @param position where it is listed within its group, lowest first (a group is listed at the lowest position
     *                 among its components); omitted or null when unordered, listed after the ordered ones by name
     */
    record DefineComponentRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String group,
            @Size(max = 1000) String description,
            @Min(0) @Max(10000) Integer position) {
    }

    /** A component's new status. */
    record ChangeStatusRequest(@NotNull ComponentStatus status) {
    }

    /**
     * The components, by group (a group at the lowest position among its components), then position (unordered
     * ones last), then name.
     */
    record ComponentList(List<ComponentSnapshot> items) {
    }

    @Operation(operationId = "defineComponent", summary = "Create a component, or change its name, group, description and position")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ComponentSnapshot.class)))
    @ApiResponse(responseCode = "200", description = "Changed, or unchanged", content = @Content(schema = @Schema(implementation = ComponentSnapshot.class)))
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "component.define", scope = Scopes.COMPONENTS_WRITE)
    ResponseEntity<ComponentSnapshot> define(@PathVariable String id, @Valid @RequestBody DefineComponentRequest request,
                                             @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        ComponentCommands.Defined defined = commands.define(principal.actor(), componentId(id), request.name().strip(),
                blankToNull(request.group()), blankToNull(request.description()), request.position());
        ResponseEntity.BodyBuilder response = defined.created()
                ? ResponseEntity.created(URI.create("/api/v1/components/" + id))
                : ResponseEntity.ok();
        return response.body(defined.component());
    }

    @Operation(operationId = "listComponents", summary = "List the components")
    @GetMapping
    ComponentList list() {
        return new ComponentList(components.all());
    }

    @Operation(operationId = "getComponent", summary = "Read a component")
    @GetMapping("/{id}")
    ComponentSnapshot get(@PathVariable String id) {
        ComponentId componentId = componentId(id);
        return components.find(componentId).orElseThrow(() -> new UnknownComponent(componentId));
    }

    @Operation(operationId = "changeComponentStatus", summary = "Set a component's status outside any incident, e.g. for maintenance")
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Command(value = "component.status", scope = Scopes.COMPONENTS_WRITE)
    ComponentSnapshot changeStatus(@PathVariable String id, @Valid @RequestBody ChangeStatusRequest request,
                                   @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        return commands.changeStatus(principal.actor(), componentId(id), request.status());
    }

    private static ComponentId componentId(String id) {
        try {
            return new ComponentId(id);
        } catch (IllegalArgumentException e) {
            throw new FieldRejected("id", "must be lower-case letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
