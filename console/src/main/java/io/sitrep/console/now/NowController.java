package io.sitrep.console.now;

import io.sitrep.console.api.ApiProblem;
import io.sitrep.console.api.SitrepApi;
import io.sitrep.console.delivery.DeliveriesView;
import io.sitrep.console.signin.Person;
import io.sitrep.console.web.Words;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The Now screen, from one read of each list timeline-service keeps and of notification-service's failing endpoints. */
@Controller
class NowController {

    /** Now names this many failing endpoints at most; the Deliveries screen lists them all. */
    private static final int FAILING_ON_NOW = 10;

    private final SitrepApi api;

    NowController(SitrepApi api) {
        this.api = api;
    }

    /** The whole screen; after a delete, the incident's title comes along as the flash attribute {@code deleted}. */
    @GetMapping("/")
    String now(Authentication authentication, Model model) {
        model.addAttribute("now", view(Person.of(authentication).orElseThrow()));
        model.asMap().putIfAbsent("deleted", "");
        return "now";
    }

    /** The screen's lists alone, which the console's script swaps in when the stream says something changed. */
    @GetMapping("/now/lists")
    String lists(Authentication authentication, Model model) {
        model.addAttribute("now", view(Person.of(authentication).orElseThrow()));
        return "nowlists";
    }

    private NowView view(Person person) {
        List<String> unavailable = new ArrayList<>();
        List<NowView.IncidentRow> triage = new ArrayList<>();
        List<NowView.IncidentRow> open = new ArrayList<>();
        for (JsonNode incident : read(() -> api.openIncidents(person), "open incidents", unavailable).path("items")) {
            NowView.IncidentRow row = new NowView.IncidentRow(incident.path("id").asString(), incident.path("title").asString(),
                    Words.of(incident.path("status").asString()), Words.of(incident.path("impact").asString()),
                    Words.time(incident.path("updatedAt").asString()), names(incident.path("components")));
            ("internal".equals(incident.path("visibility").asString()) ? triage : open).add(row);
        }
        Map<String, List<NowView.ComponentRow>> groups = new LinkedHashMap<>();
        for (JsonNode component : read(() -> api.components(person), "components", unavailable).path("items")) {
            String group = component.path("group").isString() ? component.path("group").asString() : "";
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new NowView.ComponentRow(component.path("id").asString(),
                    component.path("name").asString(), Words.of(component.path("status").asString())));
        }
        JsonNode failing = read(() -> api.failingEndpoints(FAILING_ON_NOW), "failing delivery endpoints", unavailable);
        return new NowView(triage, open, groups,
                maintenance(read(() -> api.maintenances(person, "active"), "maintenance in progress", unavailable)),
                maintenance(read(() -> api.maintenances(person, "upcoming"), "upcoming maintenance", unavailable)),
                DeliveriesView.failing(failing), failing.path("truncated").asBoolean(false), unavailable);
    }

    private static JsonNode read(Supplier<JsonNode> reading, String what, List<String> unavailable) {
        try {
            return reading.get();
        } catch (ApiProblem problem) {
            unavailable.add("Could not read " + what + ": " + problem.inWords());
            return tools.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static List<NowView.MaintenanceRow> maintenance(JsonNode list) {
        List<NowView.MaintenanceRow> rows = new ArrayList<>();
        for (JsonNode window : list.path("items")) {
            rows.add(new NowView.MaintenanceRow(window.path("id").asString(), window.path("title").asString(),
                    Words.of(window.path("status").asString()), Words.time(window.path("scheduledFor").asString()),
                    Words.time(window.path("scheduledUntil").asString())));
        }
        return rows;
    }

    private static List<String> names(JsonNode components) {
        List<String> names = new ArrayList<>();
        for (JsonNode component : components) {
            names.add(component.path("name").asString() + " (" + Words.of(component.path("status").asString()) + ")");
        }
        return names;
    }
}
