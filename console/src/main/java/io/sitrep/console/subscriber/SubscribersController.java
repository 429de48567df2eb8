package io.sitrep.console.subscriber;

import io.sitrep.console.api.ApiProblem;
import io.sitrep.console.api.SitrepApi;
import io.sitrep.console.signin.Person;
import io.sitrep.console.web.FieldErrors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The subscribers screen. Everyone sees the counts; admins find the subscriptions of one address and remove one. The
 * search is a POST (with its CSRF token), so that the address a person looks for stays out of URLs, and so out of
 * browser histories and access logs.
 */
@Controller
class SubscribersController {

    /** Subscriptions a search shows at once. */
    static final int PAGE_SIZE = 20;

    /** The longest address passed on (an email address's longest). */
    static final int MAX_ADDRESS = 320;

    /** The longest cursor passed on; a longer one starts again at the first page. */
    static final int MAX_CURSOR = 200;

    private final SitrepApi api;

    SubscribersController(SitrepApi api) {
        this.api = api;
    }

    @GetMapping("/subscribers")
    String subscribers(@RequestParam(name = "removed", required = false) String removed, Model model) {
        return screen(model, "", null, FieldErrors.NONE, removed != null);
    }

    /** Finds by an email address (it holds an {@code @}) or a webhook's or chat channel's host (admins). */
    @PostMapping("/subscribers/find")
    String find(@RequestParam(name = "address", defaultValue = "") String address,
                @RequestParam(name = "cursor", defaultValue = "") String cursor,
                Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        String typed = address.strip();
        if (typed.isEmpty()) {
            return screen(model, typed, null, new FieldErrors("", Map.of("address", "give an email address or a host")), false);
        }
        if (typed.length() > MAX_ADDRESS) {
            return screen(model, typed.substring(0, MAX_ADDRESS), null,
                    new FieldErrors("", Map.of("address", "at most " + MAX_ADDRESS + " characters")), false);
        }
        boolean email = typed.contains("@");
        try {
            JsonNode page = api.findSubscribers(person, email ? typed : "", email ? "" : typed, PAGE_SIZE,
                    cursor.length() > MAX_CURSOR ? "" : cursor);
            String next = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : "";
            model.addAttribute("nextCursor", next);
            return screen(model, typed, SubscribersView.found(page), FieldErrors.NONE, false);
        } catch (ApiProblem problem) {
            return screen(model, typed, null, atAddress(problem), false);
        }
    }

    /** Removes one subscription (admins): notification-service deletes it and cancels what it still had to receive. */
    @PostMapping("/subscribers/{id}/remove")
    String remove(@PathVariable String id, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        try {
            api.removeSubscription(person, UUID.fromString(id).toString());
        } catch (IllegalArgumentException notAnId) {
            return screen(model, "", null, FieldErrors.of("That is not a subscription's id."), false);
        } catch (ApiProblem problem) {
            return screen(model, "", null, FieldErrors.of(problem.inWords()), false);
        }
        return "redirect:/subscribers?removed";
    }

    private String screen(Model model, String address, List<SubscribersView.Found> found, FieldErrors errors, boolean removed) {
        List<SubscribersView.Count> counts = List.of();
        String countsProblem = "";
        try {
            counts = SubscribersView.counts(api.subscriberCounts());
        } catch (ApiProblem problem) {
            countsProblem = "Could not read the counts: " + problem.inWords();
        }
        model.addAttribute("counts", counts);
        model.addAttribute("countsProblem", countsProblem);
        model.addAttribute("address", address);
        model.addAttribute("found", found);
        model.addAttribute("errors", errors);
        model.addAttribute("removed", removed);
        if (!model.containsAttribute("nextCursor")) {
            model.addAttribute("nextCursor", "");
        }
        return "subscribers";
    }

    /** The service names {@code email} or {@code host} (or the cursor); the form has one field for both. */
    private static FieldErrors atAddress(ApiProblem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fields().forEach((field, message) -> fields.merge(
                field.equals("email") || field.equals("host") ? "address" : field, message, (a, b) -> a + "; " + b));
        return new FieldErrors(problem.inWords(), fields);
    }
}
