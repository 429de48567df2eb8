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
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writing, previewing and publishing a resolved incident's postmortem (incident-service's
 * {@code PUT /api/v1/incidents/{id}/postmortem}). Preview is a submit button: the screen comes back with what was typed
 * and the Markdown rendered by the status page's rules, without JavaScript; publishing sends the version the person saw.
 */
@Controller
class PostmortemController {

    private final SitrepApi api;
    private final Browsers browsers;

    PostmortemController(SitrepApi api, Browsers browsers) {
        this.api = api;
        this.browsers = browsers;
    }

    @GetMapping("/incidents/{id}/postmortem")
    String form(@PathVariable UUID id, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        return screen(person, id, null, null, FieldErrors.NONE, false, "", model);
    }

    @PostMapping("/incidents/{id}/postmortem")
    String publish(@PathVariable UUID id, @RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        String body = body(parameters.get("body"));
        Long version = version(parameters.get("version"));
        if (parameters.containsKey("preview")) {
            return screen(person, id, body, version, FieldErrors.NONE, false, Markdown.toHtml(body), model);
        }
        if (version == null) {
            return screen(person, id, body, null, FieldErrors.of("The form lacks the version it was made for; reload the incident."), false, "", model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        // An empty body is sent so that incident-service names "body".
        request.put("body", body);
        try {
            api.postmortem(person, id.toString(), version, request);
            browsers.changed();
            return "redirect:/incidents/" + id + "#postmortem";
        } catch (VersionConflict conflict) {
            return screen(person, id, body, null, FieldErrors.of("Someone changed this incident since you looked; check it, then publish again."),
                    true, Markdown.toHtml(body), model);
        } catch (ApiProblem problem) {
            return screen(person, id, body, version, new FieldErrors(problem.inWords(), problem.fields()), false, "", model);
        }
    }

    /**
     * @param body    what the person typed, or null for the published postmortem (or nothing)
     * @param version the version the person saw, or null for the incident's current one
     */
    private String screen(Person person, UUID id, String body, Long version, FieldErrors errors, boolean conflict, String preview, Model model) {
        JsonNode incident;
        try {
            incident = api.incident(person, id.toString());
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem.status() == 404 ? "There is no incident " + id + "." : problem.inWords());
            return "incident/unavailable";
        }
        IncidentView view = IncidentView.of(incident);
        model.addAttribute("incident", view);
        model.addAttribute("body", body != null ? body : view.postmortem() != null ? view.postmortem().body() : "");
        model.addAttribute("version", version != null ? version : view.version());
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("preview", preview);
        return "incident/postmortem";
    }

    private static String body(String typed) {
        if (typed == null) {
            return "";
        }
        String stripped = typed.strip();
        return stripped.length() > IncidentForm.MAX_TEXT ? stripped.substring(0, IncidentForm.MAX_TEXT) : stripped;
    }

    private static Long version(String typed) {
        try {
            return typed == null ? null : Long.parseLong(typed);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
