package io.sitrep.notification.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** How a subscriber is notified. */
public enum Channel {
    WEBHOOK("webhook"),
    EMAIL("email");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the API and the database. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Channel fromWireName(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(Channel::wireName).toList()));
    }
}
