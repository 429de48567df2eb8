package io.sitrep.console.audit;

import io.sitrep.console.api.ApiProblem;
import io.sitrep.console.api.SitrepApi;
import io.sitrep.console.signin.Person;
import io.sitrep.console.web.FieldErrors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who did what: one page of incident-service's audit per request, filtered by person and time (by incident-service),
 * by incident and action (by the console, over a longer page, since incident-service does not take those filters),
 * paged by its cursor.
 */
@Controller
class AuditController {

    /** Entries per page. */
    static final int PAGE_SIZE = 50;

    /** Entries read per page when the console filters them by incident or action (incident-service's most). */
    static final int SCAN_SIZE = 1000;

    /** The longest cursor passed on; a longer one starts again at the first page. */
    static final int MAX_CURSOR = 2000;

    private final SitrepApi api;

    AuditController(SitrepApi api) {
        this.api = api;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(name = "actor", defaultValue = "") String actor,
                 @RequestParam(name = "since", defaultValue = "") String since,
                 @RequestParam(name = "until", defaultValue = "") String until,
                 @RequestParam(name = "incident", defaultValue = "") String incident,
                 @RequestParam(name = "action", defaultValue = "") String action,
                 @RequestParam(name = "cursor", defaultValue = "") String cursor,
                 Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        AuditView.AuditFilter filter = new AuditView.AuditFilter(actor, since, until, incident, action);
        model.addAttribute("filter", filter);
        model.addAttribute("firstPage", cursor.isEmpty());
        if (!filter.incident().isEmpty() && !isUuid(filter.incident())) {
            model.addAttribute("audit", new AuditView(List.of(), ""));
            model.addAttribute("errors", new FieldErrors("", Map.of("incident", "must be the id of an incident, for example "
                    + "7f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f")));
            return "audit";
        }
        try {
            JsonNode page = api.audit(person, filter.since(), filter.until(), filter.actor(),
                    filter.filtersEntries() ? SCAN_SIZE : PAGE_SIZE, cursor.length() > MAX_CURSOR ? "" : cursor);
            model.addAttribute("audit", AuditView.of(page, filter));
            model.addAttribute("errors", FieldErrors.NONE);
        } catch (ApiProblem problem) {
            model.addAttribute("audit", new AuditView(List.of(), ""));
            model.addAttribute("errors", new FieldErrors(problem.inWords(), problem.fields()));
        }
        return "audit";
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
