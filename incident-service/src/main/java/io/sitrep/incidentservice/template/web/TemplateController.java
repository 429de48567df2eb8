package io.sitrep.incidentservice.template.web;

import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.security.Scopes;
import io.sitrep.incidentservice.template.Template;
import io.sitrep.incidentservice.template.TemplateId;
import io.sitrep.incidentservice.template.application.TemplateCommands;
import io.sitrep.support.security.Command;
import io.sitrep.support.web.FieldRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Define, read, list and delete incident templates, which new incidents and updates may name to fill what they leave out. */
@RestController
@RequestMapping(path = "/api/v1/templates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Templates")
class TemplateController {

    private final TemplateCommands commands;

    TemplateController(TemplateCommands commands) {
        this.commands = commands;
    }

    @Operation(operationId = "defineTemplate", summary = "Create a template, or replace its content")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    @ApiResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "template.define", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<TemplateResponse> define(@PathVariable String id, @Valid @RequestBody DefineTemplateRequest request) {
        TemplateId templateId = templateId(id);
        notBlank("title", request.title());
        notBlank("message", request.message());
        TemplateCommands.Defined defined = commands.define(templateId, request.name().strip(), strip(request.title()), request.impact(),
                strip(request.message()), settings(request.components()));
        ResponseEntity.BodyBuilder response = defined.created()
                ? ResponseEntity.created(URI.create("/api/v1/templates/" + templateId))
                : ResponseEntity.ok();
        return response.body(TemplateResponse.of(defined.template()));
    }

    @Operation(operationId = "getTemplate", summary = "Read a template")
    @GetMapping("/{id}")
    TemplateResponse get(@PathVariable String id) {
        return TemplateResponse.of(commands.get(templateId(id)));
    }

    @Operation(operationId = "listTemplates", summary = "List the templates by name")
    @GetMapping
    TemplateList list() {
        return new TemplateList(commands.all().stream().map(TemplateResponse::of).toList());
    }

    @Operation(operationId = "deleteTemplate", summary = "Delete a template; incidents opened with it keep what they took from it")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    @Command(value = "template.delete", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<Void> delete(@PathVariable String id) {
        commands.delete(templateId(id));
        return ResponseEntity.noContent().build();
    }

    private static TemplateId templateId(String id) {
        if (!TemplateId.isValid(id)) {
            throw new FieldRejected("id", TemplateId.RULE);
        }
        return new TemplateId(id);
    }

    private static void notBlank(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new FieldRejected(field, "must not be blank; leave it out to fill nothing");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static List<Template.ComponentSetting> settings(List<DefineTemplateRequest.ComponentSettingInput> inputs) {
        if (inputs == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!seen.add(inputs.get(i).id())) {
                throw new FieldRejected("components[" + i + "].id", "'" + inputs.get(i).id() + "' is listed twice");
            }
        }
        return inputs.stream().map(c -> new Template.ComponentSetting(new ComponentId(c.id()), c.status())).toList();
    }
}
