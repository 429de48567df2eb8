package io.sitrep.console.web;

import java.util.Map;

/**
 * What went wrong with a form, in words: a message above it, and one next to each field at fault.
 *
 * @param summary the message above the form; empty when nothing went wrong
 * @param fields  field name to message
 */
public record FieldErrors(String summary, Map<String, String> fields) {

    public static final FieldErrors NONE = new FieldErrors("", Map.of());

    public FieldErrors {
        fields = Map.copyOf(fields);
    }

    public static FieldErrors of(String summary) {
        return new FieldErrors(summary, Map.of());
    }

    public boolean any() {
        return !summary.isEmpty() || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String at(String field) {
        return fields.getOrDefault(field, "");
    }
}
