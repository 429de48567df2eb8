package io.sitrep.console.delivery;

import io.sitrep.console.api.ApiProblem;
import io.sitrep.console.api.SitrepApi;
import io.sitrep.console.signin.Person;
import io.sitrep.console.web.FieldErrors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The deliveries screen. Everyone sees the failing endpoints and the dead letters; responders re-drive dead letters in
 * two steps: a dry run that counts what would be re-sent and changes nothing (a GET), then the re-drive itself (a POST).
 */
@Controller
class DeliveriesController {

    /** Failing endpoints and dead letters each shown at most. */
    static final int LIST_SIZE = 100;

    private final SitrepApi api;

    DeliveriesController(SitrepApi api) {
        this.api = api;
    }

    @GetMapping("/deliveries")
    String deliveries(@RequestParam(name = "redriven", required = false) Integer redriven, Model model) {
        return screen(model, new DeliveriesView.Redrive("", "", ""), FieldErrors.NONE, redriven);
    }

    /** The dry run: how many dead letters the re-drive would re-send; nothing changes (responders). */
    @GetMapping("/deliveries/redrive")
    String check(@RequestParam(name = "subscriptionId", defaultValue = "") String subscriptionId,
                 @RequestParam(name = "since", defaultValue = "") String since,
                 @RequestParam(name = "until", defaultValue = "") String until,
                 Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        DeliveriesView.Redrive redrive = new DeliveriesView.Redrive(subscriptionId, since, until);
        try {
            JsonNode answer = api.redrive(person, redrive.request(true));
            model.addAttribute("redrive", redrive);
            model.addAttribute("count", answer.path("redriven").asInt());
            return "deliveries/redrive";
        } catch (ApiProblem problem) {
            return screen(model, redrive, new FieldErrors(problem.inWords(), problem.fields()), null);
        }
    }

    /** The re-drive itself, with the filters the dry run counted (responders). */
    @PostMapping("/deliveries/redrive")
    String redrive(@RequestParam(name = "subscriptionId", defaultValue = "") String subscriptionId,
                   @RequestParam(name = "since", defaultValue = "") String since,
                   @RequestParam(name = "until", defaultValue = "") String until,
                   Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        DeliveriesView.Redrive redrive = new DeliveriesView.Redrive(subscriptionId, since, until);
        try {
            JsonNode answer = api.redrive(person, redrive.request(false));
            return "redirect:/deliveries?redriven=" + answer.path("redriven").asInt();
        } catch (ApiProblem problem) {
            return screen(model, redrive, new FieldErrors(problem.inWords(), problem.fields()), null);
        }
    }

    private String screen(Model model, DeliveriesView.Redrive redrive, FieldErrors errors, Integer redriven) {
        List<String> unavailable = new java.util.ArrayList<>();
        List<DeliveriesView.FailingEndpoint> failing = List.of();
        List<DeliveriesView.DeadLetter> dead = List.of();
        boolean failingTruncated = false;
        boolean deadTruncated = false;
        try {
            JsonNode answer = api.failingEndpoints(LIST_SIZE);
            failing = DeliveriesView.failing(answer);
            failingTruncated = answer.path("truncated").asBoolean();
        } catch (ApiProblem problem) {
            unavailable.add("Could not read the failing endpoints: " + problem.inWords());
        }
        try {
            JsonNode answer = api.deadLetters(LIST_SIZE);
            dead = DeliveriesView.dead(answer);
            deadTruncated = answer.path("truncated").asBoolean();
        } catch (ApiProblem problem) {
            unavailable.add("Could not read the dead letters: " + problem.inWords());
        }
        model.addAttribute("failing", failing);
        model.addAttribute("failingTruncated", failingTruncated);
        model.addAttribute("dead", dead);
        model.addAttribute("deadTruncated", deadTruncated);
        model.addAttribute("unavailable", unavailable);
        model.addAttribute("redrive", redrive);
        model.addAttribute("errors", errors);
        model.addAttribute("redriven", redriven);
        return "deliveries";
    }
}
