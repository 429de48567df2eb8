package io.sitrep.console.component;

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
import java.util.Map;

/**
 * The components: listed by group, in incident-service's order, with their status, defined, edited and given a status outside any incident. Every
 * change is one command to incident-service, named as the person's; incident-service has no versions for components,
 * so the last change wins.
 */
@Controller
class ComponentController {

    private final SitrepApi api;

    ComponentController(SitrepApi api) {
        this.api = api;
    }

    @GetMapping("/components")
    String list(Authentication authentication, Model model) {
        return listScreen(Person.of(authentication).orElseThrow(), "", FieldErrors.NONE, model);
    }

    @GetMapping("/components/new")
    String newForm(Model model) {
        return formScreen(ComponentForm.EMPTY, true, FieldErrors.NONE, model);
    }

    @PostMapping("/components")
    String define(@RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        ComponentForm form = ComponentForm.from(parameters);
        if (!ComponentForm.validId(form.id())) {
            return formScreen(form, true, new FieldErrors("The id is not one incident-service accepts.", Map.of("id", ComponentForm.ID_RULE)), model);
        }
        try {
            api.component(person, form.id());
            // Defining is a PUT that would replace it: a new component must not overwrite one that exists.
            return formScreen(form, true, new FieldErrors("There is a component " + form.id() + " already.",
                    Map.of("id", "is taken; edit that component instead, or choose another id")), model);
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                return formScreen(form, true, errors(problem), model);
            }
        }
        try {
            api.defineComponent(person, form.id(), form.defineRequest());
            return "redirect:/components?defined=" + form.id();
        } catch (ApiProblem problem) {
            return formScreen(form, true, errors(problem), model);
        }
    }

    @GetMapping("/components/{id}/edit")
    String editForm(@PathVariable String id, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        if (!ComponentForm.validId(id)) {
            return unavailable("There is no component " + id + ".", model);
        }
        JsonNode component;
        try {
            component = api.component(person, id);
        } catch (ApiProblem problem) {
            return unavailable(problem.status() == 404 ? "There is no component " + id + "." : problem.inWords(), model);
        }
        ComponentsView.Row row = ComponentsView.row(component);
        return formScreen(new ComponentForm(row.id(), row.name(), row.group(), row.description(), row.position()), false,
                FieldErrors.NONE, model);
    }

    @PostMapping("/components/{id}")
    String edit(@PathVariable String id, @RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        Map<String, String> typed = new LinkedHashMap<>(parameters);
        typed.put("id", id);
        ComponentForm form = ComponentForm.from(typed);
        if (!ComponentForm.validId(form.id())) {
            return unavailable("There is no component " + id + ".", model);
        }
        try {
            api.defineComponent(person, form.id(), form.defineRequest());
            return "redirect:/components?defined=" + form.id();
        } catch (ApiProblem problem) {
            return formScreen(form, false, errors(problem), model);
        }
    }

    @PostMapping("/components/{id}/status")
    String setStatus(@PathVariable String id, @RequestParam(name = "status", defaultValue = "") String status,
                     Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        if (!ComponentForm.validId(id)) {
            return unavailable("There is no component " + id + ".", model);
        }
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("status", status.strip());
            api.setComponentStatus(person, id, request);
            return "redirect:/components?status=" + id;
        } catch (ApiProblem problem) {
            return listScreen(person, id, errors(problem), model);
        }
    }

    private String listScreen(Person person, String failed, FieldErrors errors, Model model) {
        ComponentsView view;
        String unavailable = "";
        try {
            view = ComponentsView.of(api.incidentComponents());
        } catch (ApiProblem problem) {
            view = new ComponentsView(Map.of());
            unavailable = problem.inWords();
        }
        model.addAttribute("components", view);
        model.addAttribute("unavailable", unavailable);
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", Statuses.ALL);
        return "component/list";
    }

    private String formScreen(ComponentForm form, boolean creating, FieldErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors);
        return "component/form";
    }

    private static String unavailable(String problem, Model model) {
        model.addAttribute("problem", problem);
        model.addAttribute("title", "Component");
        model.addAttribute("back", "/components");
        return "missing";
    }

    private static FieldErrors errors(ApiProblem problem) {
        return new FieldErrors(problem.inWords(), problem.fields());
    }
}
