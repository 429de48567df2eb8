package io.sitrep.console.component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person typed into a component form, kept as typed so that a refused form is shown again unchanged.
 *
 * @param id the component's id: lower-case letters, digits, '.', '_' or '-', as incident-service accepts it
 * @param position where it is listed within its group, lowest first, as typed; empty when unordered
 */
public record ComponentForm(String id, String name, String group, String description, String position) {


    /** The ids incident-service accepts; the console checks them before using one in a path. */
    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    static final String ID_RULE = "must be lower-case letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit";

    /** The longest text the console passes on; incident-service sets smaller limits and names the field. */
    static final int MAX_TEXT = 10_000;

    public static final ComponentForm EMPTY = new ComponentForm("", "", "", "", "");

    /** A whole number as a person types one; anything else is sent as typed, for incident-service to name the field. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("^-?[0-9]{1,9}$");

    public ComponentForm {
        id = clean(id);
        name = clean(name);
        group = clean(group);
        description = clean(description);
        position = clean(position);
    }

    static ComponentForm from(Map<String, String> parameters) {
        return new ComponentForm(parameters.get("id"), parameters.get("name"), parameters.get("group"), parameters.get("description"),
                parameters.get("position"));
    }

    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * The request to define it: an empty name is sent so that incident-service names it; a blank group or description
     * clears it; an empty position is left out (unordered), a whole number is sent as one, and anything else as typed.
     */
    Map<String, Object> defineRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("group", group);
        request.put("description", description);
        if (!position.isEmpty()) {
            request.put("position", WHOLE_NUMBER.matcher(position).matches() ? Integer.valueOf(position) : position);
        }
        return request;
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }
}
