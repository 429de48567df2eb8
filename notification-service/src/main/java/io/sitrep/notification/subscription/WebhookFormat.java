package io.sitrep.notification.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The body a webhook subscription is sent; signed the same way either way. */
public enum WebhookFormat {
    /** Standard Webhooks: {@code {type, timestamp, data}}, data the event as the contract defines it. */
    STANDARD("standard"),
    /** Statuspage's webhook notification: {@code meta}, {@code page}, and {@code incident} or {@code component_update}. */
    STATUSPAGE("statuspage");

    private final String wireName;

    WebhookFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the API and the database. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static WebhookFormat fromWireName(String wireName) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(WebhookFormat::wireName).toList()));
    }
}
