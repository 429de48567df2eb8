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

/** Who did what: one page of incident-service's audit per request, filtered by person and time, paged by its cursor. */
@Controller
class AuditController {

    /** Entries per page. */
    static final int PAGE_SIZE = 50;

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
                 @RequestParam(name = "cursor", defaultValue = "") String cursor,
                 Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        AuditView.AuditFilter filter = new AuditView.AuditFilter(actor, since, until);
        model.addAttribute("filter", filter);
        try {
            JsonNode page = api.audit(person, filter.since(), filter.until(), filter.actor(), PAGE_SIZE,
                    cursor.length() > MAX_CURSOR ? "" : cursor);
            model.addAttribute("audit", AuditView.of(page, filter));
            model.addAttribute("errors", FieldErrors.NONE);
        } catch (ApiProblem problem) {
            model.addAttribute("audit", new AuditView(List.of(), ""));
            model.addAttribute("errors", new FieldErrors(problem.inWords(), problem.fields()));
        }
        model.addAttribute("firstPage", cursor.isEmpty());
        return "audit";
    }
}
