package io.sitrep.console.component;

import io.sitrep.console.api.ApiProblem;
import io.sitrep.console.api.SitrepApi;
import io.sitrep.console.web.FieldErrors;
import tools.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The components incident-service lists, for a form to choose from, or why they could not be read.
 *
 * @param names       component id to its name, after its group ("Platform / API"), in the order listed
 * @param unavailable why incident-service could not list them, in words; empty when it did
 */
public record ComponentNames(Map<String, String> names, String unavailable) {

    public ComponentNames {
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /** Reads the components from incident-service; a problem leaves no names and says why. */
    public static ComponentNames read(SitrepApi api) {
        JsonNode components;
        try {
            components = api.incidentComponents();
        } catch (ApiProblem problem) {
            return new ComponentNames(Map.of(), problem.inWords());
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode component : components.path("items")) {
            String group = component.path("group").isString() ? component.path("group").asString() + " / " : "";
            names.put(component.path("id").asString(""), group + component.path("name").asString(""));
        }
        return new ComponentNames(names, "");
    }

    /** The errors a form shows: these, or when there are none, why the components could not be read. */
    public FieldErrors shownWith(FieldErrors errors) {
        return errors.any() || unavailable.isEmpty() ? errors : FieldErrors.of(unavailable);
    }
}
