package io.sitrep.console.incident;

import io.sitrep.console.api.ApiProblem;
import io.sitrep.console.api.SitrepApi;
import io.sitrep.console.api.VersionConflict;
import io.sitrep.console.live.Browsers;
import io.sitrep.console.signin.Person;
import io.sitrep.console.web.FieldErrors;
import io.sitrep.support.markdown.Markdown;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Running an incident. Each change is one command to incident-service, sent with the version the person saw as
 * If-Match; when someone else changed the incident first, the screen shows what they changed, keeps what this person
 * typed, and lets them apply it again on top.
 */
@Controller
class IncidentController {

    private final SitrepApi api;
    private final Browsers browsers;

    IncidentController(SitrepApi api, Browsers browsers) {
        this.api = api;
        this.browsers = browsers;
    }

    @GetMapping("/incidents/new")
    String openForm(@RequestParam(name = "template", defaultValue = "") String template, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        IncidentForm form = new IncidentForm(template, "", "investigating", "", "public", "", Map.of());
        return openScreen(person, form, FieldErrors.NONE, model);
    }

    @PostMapping("/incidents")
    String open(@RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        IncidentForm form = IncidentForm.from(parameters);
        try {
            JsonNode opened = api.open(person, form.openRequest());
            browsers.changed();
            return "redirect:/incidents/" + opened.path("id").asString();
        } catch (ApiProblem problem) {
            return openScreen(person, form, errors(problem), model);
        }
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable UUID id, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        return incidentScreen(person, id, IncidentForm.EMPTY, FieldErrors.NONE, null, model);
    }

    /** Posts an update; with {@code preview}, shows the form again as typed with its message as the status page will render it. */
    @PostMapping("/incidents/{id}/updates")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        if (parameters.containsKey("preview")) {
            return preview(id, parameters, authentication, model);
        }
        return command(id, parameters, authentication, model, (person, version, form) -> api.update(person, id.toString(), version, form.updateRequest()));
    }

    @PostMapping("/incidents/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        return command(id, parameters, authentication, model, (person, version, form) -> api.publish(person, id.toString(), version, form.publishRequest()));
    }

    @PostMapping("/incidents/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        return command(id, parameters, authentication, model, (person, version, form) -> api.resolve(person, id.toString(), version, form.resolveRequest()));
    }

    @PostMapping("/incidents/{id}/edit")
    String edit(@PathVariable UUID id, @RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        return command(id, parameters, authentication, model, (person, version, form) -> api.edit(person, id.toString(), version, form.editRequest()));
    }

    @PostMapping("/incidents/{id}/updates/{updateId}/edit")
    String editUpdate(@PathVariable UUID id, @PathVariable UUID updateId, @RequestParam Map<String, String> parameters,
                      Authentication authentication, Model model) {
        Map<String, String> typed = new HashMap<>(parameters);
        // Which update's form shows the problem or the conflict.
        typed.put("action", "edit-update:" + updateId);
        return command(id, typed, authentication, model,
                (person, version, form) -> api.editUpdate(person, id.toString(), updateId.toString(), version, form.editUpdateRequest()));
    }

    @PostMapping("/incidents/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        return command(id, parameters, authentication, model, (person, version, form) -> api.reopen(person, id.toString(), version, form.reopenRequest()));
    }

    /** The confirmation step before deleting: it asks why (admins only, see the security configuration). */
    @GetMapping("/incidents/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        return deleteScreen(person, id, "", FieldErrors.NONE, false, model);
    }

    @PostMapping("/incidents/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam Map<String, String> parameters, Authentication authentication, Model model,
                  RedirectAttributes redirect) {
        Person person = Person.of(authentication).orElseThrow();
        Map<String, Object> request = IncidentForm.deleteRequest(parameters);
        String reason = (String) request.get("reason");
        long version;
        try {
            version = Long.parseLong(parameters.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            return deleteScreen(person, id, reason, new FieldErrors("The form lacks the version it was made for; reload the incident.", Map.of()), false, model);
        }
        try {
            api.delete(person, id.toString(), version, request);
            browsers.changed();
            // Now names what was deleted, once.
            String title = IncidentForm.from(parameters).title();
            redirect.addFlashAttribute("deleted", title.isEmpty() ? id.toString() : title);
            return "redirect:/";
        } catch (VersionConflict conflict) {
            return deleteScreen(person, id, reason, FieldErrors.of("Someone changed this incident since you looked; check it, then confirm again."), true, model);
        } catch (ApiProblem problem) {
            return deleteScreen(person, id, reason, errors(problem), false, model);
        }
    }

    private String deleteScreen(Person person, UUID id, String reason, FieldErrors errors, boolean conflict, Model model) {
        JsonNode incident;
        try {
            incident = api.incident(person, id.toString());
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem.status() == 404 ? "There is no incident " + id + "." : problem.inWords());
            return "incident/unavailable";
        }
        model.addAttribute("incident", IncidentView.of(incident));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        return "incident/delete";
    }

    private String preview(UUID id, Map<String, String> parameters, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        IncidentForm form = IncidentForm.from(parameters);
        model.addAttribute("action", "update");
        model.addAttribute("preview", Markdown.toHtml(form.message()));
        // The version the person saw stays the form's, so that posting after a preview still meets someone else's change.
        try {
            model.addAttribute("formVersion", Long.parseLong(parameters.getOrDefault("version", "")));
        } catch (NumberFormatException e) {
            model.addAttribute("formVersion", 0L);
        }
        return incidentScreen(person, id, form, FieldErrors.NONE, null, model);
    }

    private interface Command {
        JsonNode send(Person person, long version, IncidentForm form);
    }

    private String command(UUID id, Map<String, String> parameters, Authentication authentication, Model model, Command command) {
        Person person = Person.of(authentication).orElseThrow();
        IncidentForm form = IncidentForm.from(parameters);
        String action = parameters.getOrDefault("action", "update");
        long version;
        try {
            version = Long.parseLong(parameters.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            return incidentScreen(person, id, form, new FieldErrors("The form lacks the version it was made for; reload the incident.", Map.of()), null, model);
        }
        try {
            command.send(person, version, form);
            // The stream leaves internal incidents out: the console tells its own browsers of its own changes.
            browsers.changed();
            return "redirect:/incidents/" + id;
        } catch (VersionConflict conflict) {
            model.addAttribute("seenVersion", version);
            model.addAttribute("action", action);
            return incidentScreen(person, id, form, FieldErrors.NONE, conflict, model);
        } catch (ApiProblem problem) {
            model.addAttribute("action", action);
            return incidentScreen(person, id, form, errors(problem), null, model);
        }
    }

    private String openScreen(Person person, IncidentForm form, FieldErrors errors, Model model) {
        StringBuilder unavailable = new StringBuilder();
        JsonNode components = read(api::incidentComponents, unavailable);
        JsonNode templates = read(() -> api.templates(person), unavailable);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.any() || unavailable.isEmpty() ? errors : FieldErrors.of(unavailable.toString()));
        model.addAttribute("choices", Choices.of(components, templates));
        return "incident/open";
    }

    private String incidentScreen(Person person, UUID id, IncidentForm form, FieldErrors errors, VersionConflict conflict, Model model) {
        JsonNode incident;
        try {
            incident = api.incident(person, id.toString());
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem.status() == 404 ? "There is no incident " + id + "." : problem.inWords());
            return "incident/unavailable";
        }
        StringBuilder unavailable = new StringBuilder();
        JsonNode components = read(api::incidentComponents, unavailable);
        model.addAttribute("incident", IncidentView.of(incident));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.any() || unavailable.isEmpty() ? errors : FieldErrors.of(unavailable.toString()));
        model.addAttribute("choices", Choices.of(components, MissingNode.getInstance()));
        model.addAttribute("conflict", conflict != null);
        model.asMap().putIfAbsent("seenVersion", 0L);
        model.asMap().putIfAbsent("action", "");
        return "incident/incident";
    }

    private static JsonNode read(Supplier<JsonNode> reading, StringBuilder unavailable) {
        try {
            return reading.get();
        } catch (ApiProblem problem) {
            unavailable.append(problem.inWords()).append(' ');
            return MissingNode.getInstance();
        }
    }

    private static FieldErrors errors(ApiProblem problem) {
        return new FieldErrors(problem.inWords(), problem.fields());
    }
}
