package io.sitrep.notification.delivery;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** What started an attempt: the retry schedule, or a re-drive of a dead letter (the first attempt after it). */
public enum AttemptTrigger {
    /** The schedule: a new delivery's first attempt, a retry, or a delivery whose lease expired. */
    SCHEDULED("scheduled"),
    /** A re-drive asked for through the API. */
    MANUAL_REDRIVE("manual_redrive"),
    /** The re-drive of a subscription's dead letters when it recovered. */
    AUTOMATIC_REDRIVE("automatic_redrive");

    private final String wireName;

    AttemptTrigger(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static AttemptTrigger fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wireName + "' is not an attempt trigger"));
    }
}
