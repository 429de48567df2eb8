package io.sitrep.console.template;

import io.sitrep.console.api.ApiProblem;
import io.sitrep.console.api.SitrepApi;
import io.sitrep.console.component.ComponentNames;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The templates incidents may be opened from: listed, created and edited, each change one command to incident-service.
 * incident-service has no versions for templates, so the last change wins.
 */
@Controller
class TemplateController {

    private final SitrepApi api;

    TemplateController(SitrepApi api) {
        this.api = api;
    }

    @GetMapping("/templates")
    String list(Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        List<TemplateRow> rows = new ArrayList<>();
        String unavailable = "";
        try {
            for (JsonNode template : api.templates(person).path("items")) {
                TemplateForm form = TemplateForm.of(template);
                rows.add(new TemplateRow(form.id(), form.name(), form.title(), form.impact(), form.components().size()));
            }
        } catch (ApiProblem problem) {
            unavailable = problem.inWords();
        }
        model.addAttribute("templates", rows);
        model.addAttribute("unavailable", unavailable);
        return "template/list";
    }

    @GetMapping("/templates/new")
    String newForm(Model model) {
        return formScreen(TemplateForm.EMPTY, true, FieldErrors.NONE, model);
    }

    @PostMapping("/templates")
    String create(@RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        TemplateForm form = TemplateForm.from(parameters);
        if (!TemplateForm.validId(form.id())) {
            return formScreen(form, true, new FieldErrors("The id is not one incident-service accepts.", Map.of("id", TemplateForm.ID_RULE)), model);
        }
        try {
            api.template(person, form.id());
            // Defining is a PUT that would replace it: a new template must not overwrite one that exists.
            return formScreen(form, true, new FieldErrors("There is a template " + form.id() + " already.",
                    Map.of("id", "is taken; edit that template instead, or choose another id")), model);
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                return formScreen(form, true, errors(problem), model);
            }
        }
        return define(person, form, true, model);
    }

    @GetMapping("/templates/{id}/edit")
    String editForm(@PathVariable String id, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        if (!TemplateForm.validId(id)) {
            return missing("There is no template " + id + ".", model);
        }
        try {
            return formScreen(TemplateForm.of(api.template(person, id)), false, FieldErrors.NONE, model);
        } catch (ApiProblem problem) {
            return missing(problem.status() == 404 ? "There is no template " + id + "." : problem.inWords(), model);
        }
    }

    @PostMapping("/templates/{id}")
    String edit(@PathVariable String id, @RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        Person person = Person.of(authentication).orElseThrow();
        if (!TemplateForm.validId(id)) {
            return missing("There is no template " + id + ".", model);
        }
        Map<String, String> typed = new LinkedHashMap<>(parameters);
        typed.put("id", id);
        return define(person, TemplateForm.from(typed), false, model);
    }

    private String define(Person person, TemplateForm form, boolean creating, Model model) {
        try {
            api.defineTemplate(person, form.id(), form.defineRequest());
            return "redirect:/templates?saved=" + form.id();
        } catch (ApiProblem problem) {
            return formScreen(form, creating, errors(problem), model);
        }
    }

    private String formScreen(TemplateForm form, boolean creating, FieldErrors errors, Model model) {
        ComponentNames components = ComponentNames.read(api);
        Map<String, String> names = new LinkedHashMap<>(components.names());
        // A component the template sets but incident-service no longer lists is still shown, so that saving keeps it visibly.
        form.components().keySet().forEach(id -> names.putIfAbsent(id, id));
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", components.shownWith(errors));
        model.addAttribute("components", names);
        return "template/form";
    }

    private static String missing(String problem, Model model) {
        model.addAttribute("title", "Template");
        model.addAttribute("problem", problem);
        model.addAttribute("back", "/templates");
        return "missing";
    }

    private static FieldErrors errors(ApiProblem problem) {
        return new FieldErrors(problem.inWords(), problem.fields());
    }
}
