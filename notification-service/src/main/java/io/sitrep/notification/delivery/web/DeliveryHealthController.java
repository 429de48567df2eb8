package io.sitrep.notification.delivery.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitrep.notification.subscription.oversight.Oversight;
import io.sitrep.notification.security.Scopes;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.support.security.Command;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Delivery health for the operators who re-drive: the endpoints failing now and the dead letters, across every
 * subscription. Targets are shown as an origin, a redacted chat URL or a hidden email address, never whole.
 */
@RestController
class DeliveryHealthController {

    private final Oversight oversight;

    DeliveryHealthController(Oversight oversight) {
        this.oversight = oversight;
    }

    /**
     * A subscription whose deliveries fail.
     *
     * @param target a webhook's origin, a chat channel's redacted URL, an email address with its local part hidden
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FailingEndpoint(UUID subscriptionId, Channel channel, String target, SubscriptionStatus status, String disabledReason,
                           int consecutiveFailures, Instant failingSince, String lastError, Integer lastStatusCode) {
    }

    /** The failing endpoints; {@code truncated} when there were more than the limit. */
    record FailingEndpoints(List<FailingEndpoint> items, boolean truncated) {
    }

    /** A delivery that used up its retries. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeadLetter(UUID id, UUID subscriptionId, Channel channel, String target, String eventType, int attemptCount,
                      Integer lastStatusCode, String lastError, Instant deadAt) {
    }

    /** The dead letters; {@code truncated} when there were more than the limit. */
    record DeadLetters(List<DeadLetter> items, boolean truncated) {
    }

    @GetMapping("/api/v1/deliveries/failing")
    @Command(value = "delivery.failing", scope = Scopes.DELIVERIES_WRITE)
    @Operation(operationId = "listFailingEndpoints", summary = "Subscriptions failing now (active, with failures in a row) or "
            + "disabled, failing longest first, each with its last delivery error")
    FailingEndpoints failing(@Parameter(description = "at most this many, 1 to 200") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        List<Oversight.Failing> found = oversight.failing(limit + 1);
        return new FailingEndpoints(found.stream().limit(limit)
                .map(f -> new FailingEndpoint(f.id(), f.channel(), f.target(), f.status(), f.disabledReason(), f.consecutiveFailures(),
                        f.failingSince(), f.lastError(), f.lastStatusCode()))
                .toList(), found.size() > limit);
    }

    @GetMapping("/api/v1/deliveries/dead")
    @Command(value = "delivery.dead", scope = Scopes.DELIVERIES_WRITE)
    @Operation(operationId = "listDeadLetters", summary = "Dead letters of every subscription, those that died last first")
    DeadLetters dead(@Parameter(description = "at most this many, 1 to 200") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        List<Oversight.DeadLetter> found = oversight.deadLetters(limit + 1);
        return new DeadLetters(found.stream().limit(limit)
                .map(d -> new DeadLetter(d.id(), d.subscriptionId(), d.channel(), d.target(), d.eventType(), d.attemptCount(),
                        d.lastStatusCode(), d.lastError(), d.deadAt()))
                .toList(), found.size() > limit);
    }
}
