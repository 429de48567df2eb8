package io.sitrep.notification.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt at {@code next_attempt_at}. */
    PENDING("pending"),
    /** Claimed by a dispatcher that is sending it, under a lease; an expired lease makes it due again. */
    DELIVERING("delivering"),
    /** Its last attempt failed; the next is scheduled at {@code next_attempt_at}. */
    FAILED("failed"),
    DELIVERED("delivered"),
    /** The retry schedule is used up: a dead letter, until it is re-driven. */
    DEAD("dead"),
    /** Never to be sent: its subscription was deleted, unsubscribed, or the receiver answered 410. */
    CANCELLED("cancelled");

    private final String wireName;

    DeliveryStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static DeliveryStatus fromWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(DeliveryStatus::wireName).toList()));
    }
}
