package io.sitrep.notification.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Where a subscription stands. Only an active one gets deliveries. */
public enum SubscriptionStatus {
    /** An email subscription whose address has not confirmed it yet (double opt-in). */
    PENDING_CONFIRMATION("pending_confirmation"),
    ACTIVE("active"),
    /** Disabled by the service: the receiver answered 410, or failed for too long. */
    DISABLED("disabled"),
    /** The email recipient unsubscribed through a link in an email. */
    UNSUBSCRIBED("unsubscribed"),
    /** Deleted through the API; kept so that its deliveries and attempts stay readable in the database. */
    DELETED("deleted");

    private final String wireName;

    SubscriptionStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static SubscriptionStatus fromWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(SubscriptionStatus::wireName).toList()));
    }
}
