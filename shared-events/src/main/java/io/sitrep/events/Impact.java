package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How badly an incident hurts users, in increasing order. */
public enum Impact {
    NONE("none"),
    MINOR("minor"),
    MAJOR("major"),
    CRITICAL("critical");

    private final String wireName;

    Impact(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the API. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant for a wire name. */
    @JsonCreator
    public static Impact fromWireName(String wireName) {
        for (Impact value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + wireName + "' is not one of " + java.util.Arrays.stream(values()).map(v -> v.wireName).toList());
    }

    /** True when this impact is as bad as {@code other} or worse. */
    public boolean isAtLeast(Impact other) {
        return compareTo(other) >= 0;
    }
}
