package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The status of one component, in increasing order of severity. */
public enum ComponentStatus {
    OPERATIONAL("operational"),
    DEGRADED_PERFORMANCE("degraded_performance"),
    PARTIAL_OUTAGE("partial_outage"),
    MAJOR_OUTAGE("major_outage"),
    UNDER_MAINTENANCE("under_maintenance");

    private final String wireName;

    ComponentStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the API. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant for a wire name. */
    @JsonCreator
    public static ComponentStatus fromWireName(String wireName) {
        for (ComponentStatus value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + wireName + "' is not one of " + java.util.Arrays.stream(values()).map(v -> v.wireName).toList());
    }
}
