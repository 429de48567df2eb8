package io.sitrep.incidentservice.component;

import java.util.Objects;
import java.util.regex.Pattern;

/** The id of a component, chosen by its owner: lower-case letters, digits, '.', '_' and '-'. */
public record ComponentId(String value) {

    /** The form of a component id; also used to validate requests. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9._-]{0,63}$";

    private static final Pattern FORM = Pattern.compile(PATTERN);

    public ComponentId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a component id must match " + PATTERN + ", was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
