package io.sitrep.notification.delivery.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitrep.notification.delivery.DeliveryStatus;
import io.sitrep.notification.delivery.application.DeliveryCommands;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.support.security.Command;
import io.sitrep.notification.security.Scopes;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.support.web.FieldRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Deliveries over REST. */
@RestController
class DeliveryController {

    /** The earliest instant a bound may name: nothing here is older. */
    static final Instant EARLIEST = Instant.EPOCH;
    /** How far ahead of now a bound may reach: beyond it, nothing can have died yet. */
    static final java.time.Duration LATEST_AHEAD = java.time.Duration.ofDays(1);

    private final DeliveryCommands deliveries;
    private final java.time.Clock clock;

    DeliveryController(DeliveryCommands deliveries, java.time.Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GetMapping("/api/v1/subscriptions/{id}/deliveries")
    @Command(value = "delivery.list", scope = Scopes.SUBSCRIPTIONS_WRITE)
    @Operation(operationId = "listDeliveries", summary = "A subscription's deliveries, newest first, each with its attempts")
    DeliveryList list(@PathVariable UUID id,
              @Parameter(description = "pending, delivering, failed, delivered, dead or cancelled") @RequestParam(required = false) String status,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        DeliveryStatus wanted;
        try {
            wanted = status == null ? null : DeliveryStatus.fromWireName(status);
        } catch (IllegalArgumentException e) {
            throw new FieldRejected("status", e.getMessage());
        }
        return new DeliveryList(deliveries.list(new SubscriptionId(id), wanted, limit).stream().map(DeliveryResponse::of).toList());
    }

    @PostMapping("/api/v1/deliveries/redrive")
    @Command(value = "delivery.redrive", scope = Scopes.DELIVERIES_WRITE)
    @Operation(operationId = "redriveDeliveries", summary = "Queue dead letters again, with a fresh retry schedule; "
            + "only those of active subscriptions. Answers how many")
    RedriveResponse redrive(@Valid @RequestBody RedriveRequest request) {
        Instant latest = clock.instant().plus(LATEST_AHEAD);
        inRange("since", request.since(), latest);
        inRange("until", request.until(), latest);
        if (request.since() != null && request.until() != null && !request.since().isBefore(request.until())) {
            throw new FieldRejected("until", "must be after since");
        }
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        int count = deliveries.redrive(request.subscriptionId() == null ? null : new SubscriptionId(request.subscriptionId()),
                request.since(), request.until(), dryRun);
        return new RedriveResponse(count, dryRun);
    }

    /** An instant the database can compare, and a sensible one: from 1970-01-01 to a day from now. */
    private static void inRange(String field, Instant value, Instant latest) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(latest))) {
            throw new FieldRejected(field, "must be from 1970-01-01T00:00:00Z to a day from now");
        }
    }

    /**
     * Which dead letters to re-drive; every field is optional.
     *
     * @param since  only those that died at or after this time (from 1970-01-01T00:00:00Z to a day from now)
     * @param until  only those that died before this time (from 1970-01-01T00:00:00Z to a day from now)
     * @param dryRun count them, change nothing
     */
    record RedriveRequest(
            UUID subscriptionId,
            @io.swagger.v3.oas.annotations.media.Schema(description = "only those that died at or after this instant; "
                    + "from 1970-01-01T00:00:00Z to a day from now") Instant since,
            @io.swagger.v3.oas.annotations.media.Schema(description = "only those that died before this instant; "
                    + "from 1970-01-01T00:00:00Z to a day from now") Instant until,
            Boolean dryRun) {
    }

    /** How many dead letters were queued again (or would be, on a dry run). */
    record RedriveResponse(int redriven, boolean dryRun) {
    }

    record DeliveryList(List<DeliveryResponse> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryResponse(UUID id, UUID eventId, String eventType, DeliveryStatus status, int attemptCount, Instant nextAttemptAt,
                            Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt, Instant deadAt,
                            List<AttemptResponse> attempts) {

        static DeliveryResponse of(Deliveries.View v) {
            return new DeliveryResponse(v.id().value(), v.eventId(), v.eventType(), v.status(), v.attemptCount(), v.nextAttemptAt(),
                    v.lastStatusCode(), v.lastError(), v.createdAt(), v.deliveredAt(), v.deadAt(),
                    v.attempts().stream().map(a -> new AttemptResponse(a.attempt(), a.attemptedAt(), a.trigger().wireName(), a.statusCode(),
                            a.durationMs(), a.error(), a.responseBody())).toList());
        }
    }

    /**
     * One attempt.
     *
     * @param trigger      what started it: scheduled, manual_redrive or automatic_redrive
     * @param responseBody the first kilobyte of the receiver's answer, secrets redacted; absent without an answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptResponse(int attempt, Instant attemptedAt,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "what started the attempt",
                                   allowableValues = {"scheduled", "manual_redrive", "automatic_redrive"}) String trigger,
                           Integer statusCode, long durationMs, String error,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "the first kilobyte of the receiver's answer, "
                                   + "secrets redacted; absent when there was no answer") String responseBody) {
    }
}
