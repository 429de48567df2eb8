package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may see an incident: everyone, or only the people who run it. */
public enum Visibility {
    /** On the status page, the public JSON, the feed, the public stream and with every subscriber. */
    PUBLIC("public"),
    /** Only on authenticated reads and with subscriptions that include internal incidents. */
    INTERNAL("internal");

    private final String wireName;

    Visibility(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the API. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant for a wire name. */
    @JsonCreator
    public static Visibility fromWireName(String wireName) {
        for (Visibility value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + wireName + "' is not one of " + java.util.Arrays.stream(values()).map(v -> v.wireName).toList());
    }

    /** True for {@link #PUBLIC}. */
    public boolean isPublic() {
        return this == PUBLIC;
    }
}
