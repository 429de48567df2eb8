package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a maintenance window stands: {@code scheduled → in_progress ⇄ verifying → completed}, or
 * {@code scheduled → cancelled}.
 */
public enum MaintenanceStatus {
    SCHEDULED("scheduled"),
    IN_PROGRESS("in_progress"),
    VERIFYING("verifying"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String wireName;

    MaintenanceStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the API. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant for a wire name. */
    @JsonCreator
    public static MaintenanceStatus fromWireName(String wireName) {
        for (MaintenanceStatus value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + wireName + "' is not one of " + java.util.Arrays.stream(values()).map(v -> v.wireName).toList());
    }

    /** True while the work is under way: {@link #IN_PROGRESS} or {@link #VERIFYING}. */
    public boolean isActive() {
        return this == IN_PROGRESS || this == VERIFYING;
    }

    /** True for {@link #COMPLETED} and {@link #CANCELLED}: nothing changes any more. */
    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
