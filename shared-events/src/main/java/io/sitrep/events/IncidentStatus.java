package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an incident stands, as a status page shows it. */
public enum IncidentStatus {
    INVESTIGATING("investigating"),
    IDENTIFIED("identified"),
    MONITORING("monitoring"),
    RESOLVED("resolved");

    private final String wireName;

    IncidentStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the API. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant for a wire name. */
    @JsonCreator
    public static IncidentStatus fromWireName(String wireName) {
        for (IncidentStatus value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + wireName + "' is not one of " + java.util.Arrays.stream(values()).map(v -> v.wireName).toList());
    }

    /** True for every status but {@link #RESOLVED}. */
    public boolean isOpen() {
        return this != RESOLVED;
    }
}
