package io.sitrep.incidentservice.security;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do. {@link #ADMIN} may do everything. */
public enum Scope {
    INCIDENTS_WRITE("incidents:write"),
    COMPONENTS_WRITE("components:write"),
    ADMIN("admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope as written in configuration. */
    public String value() {
        return value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
