package io.sitrep.console.maintenance;

import io.sitrep.console.api.ApiProblem;
import io.sitrep.console.api.SitrepApi;
import io.sitrep.console.api.VersionConflict;
import io.sitrep.console.component.ComponentNames;
import io.sitrep.console.signin.Person;
import io.sitrep.console.web.FieldErrors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Maintenance windows: listed upcoming, in progress and finished; scheduled; given updates, started now, completed and
 * cancelled. Each command goes to incident-service as the person's, sent with the version the person saw as If-Match;
 * when someone (or the window itself, starting or completing on time) changed it first, the screen shows what changed,
 * keeps what this person typed and lets them send it again on top.
 */
@Controller
class MaintenanceController {

    private final SitrepApi api;
    private final Clock clock;

    MaintenanceController(SitrepApi api) {
        this.api = api;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/maintenance")
    String list(Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        MaintenancesView view;
        String unavailable = "";
        try {
            view = MaintenancesView.of(api.allMaintenances(person));
        } catch (ApiProblem problem) {
            view = MaintenancesView.none();
            unavailable = problem.inWords();
        }
        model.addAttribute("windows", view);
        model.addAttribute("unavailable", unavailable);
        return "maintenance/list";
    }

    @GetMapping("/maintenance/new")
    String scheduleForm(Model model) {
        Instant now = clock.instant();
        return scheduleScreen(MaintenanceForm.blank(now), FieldErrors.NONE, now, model);
    }

    @PostMapping("/maintenance")
    String schedule(@RequestParam MultiValueMap<String, String> parameters, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        MaintenanceForm form = MaintenanceForm.from(parameters);
        Instant now = clock.instant();
        MaintenanceForm.Scheduling scheduling = form.scheduleRequest(now);
        if (scheduling.request() == null) {
            return scheduleScreen(form, new FieldErrors("Check the fields marked below.", scheduling.errors()), now, model);
        }
        try {
            JsonNode scheduled = api.scheduleMaintenance(person, scheduling.request());
            return "redirect:/maintenance/" + scheduled.path("id").asString();
        } catch (ApiProblem problem) {
            return scheduleScreen(form, new FieldErrors(problem.inWords(), problem.fields()), now, model);
        }
    }

    @GetMapping("/maintenance/{id}")
    String window(@PathVariable UUID id, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        return windowScreen(person, id, "", "", "", FieldErrors.NONE, null, model);
    }

    @PostMapping("/maintenance/{id}/{action:updates|start|complete|cancel}")
    String command(@PathVariable UUID id, @PathVariable String action, @RequestParam Map<String, String> parameters,
                   Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        String message = clean(parameters.get("message"));
        String status = action.equals("updates") ? clean(parameters.get("status")) : "";
        long version;
        try {
            version = Long.parseLong(parameters.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            return windowScreen(person, id, action, message, status,
                    FieldErrors.of("The form lacks the version it was made for; reload the window."), null, model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        // An empty message is sent so that incident-service names the field.
        request.put("message", message);
        if (!status.isEmpty()) {
            request.put("status", status);
        }
        try {
            api.maintenanceCommand(person, id.toString(), action, version, request);
            return "redirect:/maintenance/" + id;
        } catch (VersionConflict conflict) {
            model.addAttribute("seenVersion", version);
            return windowScreen(person, id, action, message, status, FieldErrors.NONE, conflict, model);
        } catch (ApiProblem problem) {
            return windowScreen(person, id, action, message, status, new FieldErrors(problem.inWords(), problem.fields()), null, model);
        }
    }

    private String scheduleScreen(MaintenanceForm form, FieldErrors errors, Instant now, Model model) {
        ComponentNames components = ComponentNames.read(api);
        model.addAttribute("form", form);
        model.addAttribute("errors", components.shownWith(errors));
        model.addAttribute("components", components.names());
        model.addAttribute("earliest", form.earliest(now));
        model.addAttribute("latest", form.latest(now));
        return "maintenance/schedule";
    }

    private String windowScreen(Person person, UUID id, String action, String message, String status, FieldErrors errors,
                                VersionConflict conflict, Model model) {
        JsonNode window;
        try {
            window = api.maintenance(person, id.toString());
        } catch (ApiProblem problem) {
            model.addAttribute("title", "Maintenance");
            model.addAttribute("problem", problem.status() == 404 ? "There is no maintenance window " + id + "." : problem.inWords());
            model.addAttribute("back", "/maintenance");
            return "missing";
        }
        model.addAttribute("window", MaintenanceView.of(window));
        model.addAttribute("action", action);
        model.addAttribute("typedMessage", message);
        model.addAttribute("typedStatus", status);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict != null);
        model.asMap().putIfAbsent("seenVersion", 0L);
        return "maintenance/window";
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > MaintenanceForm.MAX_TEXT ? stripped.substring(0, MaintenanceForm.MAX_TEXT) : stripped;
    }
}
