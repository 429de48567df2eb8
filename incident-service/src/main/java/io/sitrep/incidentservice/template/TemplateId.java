package io.sitrep.incidentservice.template;

import java.util.Objects;
import java.util.regex.Pattern;

/** The id of a template, chosen by its author: lower-case letters, digits, '.', '_' and '-', as component ids. */
public record TemplateId(String value) {

    /** The form of a template id; also used to validate requests. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9._-]{0,63}$";

    /** The rule in words, for problems that refuse an id. */
    public static final String RULE = "must be a template id: lower-case letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit";

    private static final Pattern FORM = Pattern.compile(PATTERN);

    public TemplateId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a template id must match " + PATTERN + ", was '" + value + "'");
        }
    }

    /** Whether {@code value} is a template id. */
    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
