package io.sitrep.notification.subscription.web;

import io.sitrep.events.EventType;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.sitrep.support.security.InsufficientScope;
import io.sitrep.notification.security.Scopes;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.SubscriptionFilter;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.WebhookFormat;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import io.sitrep.support.web.FieldRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Subscriptions over REST; every operation needs the {@code subscriptions:write} scope. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final SubscriptionCommands commands;
    private final Clock clock;

    SubscriptionController(SubscriptionCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @Command(value = "subscription.create", scope = Scopes.SUBSCRIPTIONS_WRITE)
    @ApiResponse(responseCode = "201", description = "Created; the answer holds the signing secret of a webhook, shown this once")
    @ApiResponse(responseCode = "200", description = "An email subscription like one still pending for the address: that one; "
            + "its confirmation email is sent again unless one is on its way")
    @ApiResponse(responseCode = "429", description = "rate-limited, or confirmation-limit: the address was sent as many confirmation "
            + "emails this hour as it may be (confirmations-per-hour); see Retry-After", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @Operation(operationId = "createSubscription", summary = "Subscribe a webhook URL (active at once, answers its signing secret), "
            + "a chat channel's incoming-webhook URL (active at once, answered redacted) or an email address (pending until it "
            + "confirms through the emailed link)")
    ResponseEntity<SubscriptionResponse> create(@Valid @RequestBody CreateSubscriptionRequest request,
                                                @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        boolean includeInternal = Boolean.TRUE.equals(request.includeInternal());
        // What responders say before publishing (alert names, host names) must not reach a channel any writer can open.
        if (includeInternal && !principal.may(ApiPrincipal.ADMIN)) {
            throw new InsufficientScope(principal, ApiPrincipal.ADMIN);
        }
        SubscriptionFilter filter = new SubscriptionFilter(request.components() == null ? Set.of() : Set.copyOf(request.components()),
                eventTypes(request.eventTypes()), request.minImpact(), includeInternal);
        if (request.channel() == Channel.EMAIL && request.eventTypes() != null) {
            for (int i = 0; i < request.eventTypes().size(); i++) {
                if (EventType.fromWireName(request.eventTypes().get(i)).filter(SubscriptionFilter.CORRECTION_TYPES::contains).isPresent()) {
                    throw new FieldRejected("eventTypes[" + i + "]", "corrections are notified to webhooks only");
                }
            }
        }
        SubscriptionCommands.Created created;
        if (request.channel() == Channel.WEBHOOK) {
            require(request.url(), "url", "is required for a webhook");
            forbid(request.email(), "email", "is for email subscriptions, not webhooks");
            created = commands.subscribeWebhook(request.url(), filter,
                    request.format() == null ? WebhookFormat.STANDARD : request.format());
        } else if (request.channel().isChat()) {
            require(request.url(), "url", "is required for a chat channel: its incoming-webhook URL");
            forbid(request.email(), "email", "is for email subscriptions, not chat channels");
            forbid(request.format(), "format", "is for webhooks; a chat channel gets its own message format");
            created = commands.subscribeChat(request.channel(), request.url(), filter);
        } else {
            require(request.email(), "email", "is required for an email subscription");
            forbid(request.url(), "url", "is for webhooks and chat channels, not email subscriptions");
            forbid(request.format(), "format", "is for webhooks, not email subscriptions");
            created = commands.subscribeEmail(request.email().strip(), filter);
        }
        SubscriptionResponse body = SubscriptionResponse.of(created.subscription(), created.secret(), clock.instant());
        if (!created.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.subscription().id())).body(body);
    }

    @GetMapping
    @Command(value = "subscription.list", scope = Scopes.SUBSCRIPTIONS_WRITE)
    @Operation(operationId = "listSubscriptions", summary = "Every subscription but the deleted ones, oldest first, a page at a time")
    SubscriptionResponse.SubscriptionList list(
            @Parameter(description = "page size, 1 to " + MAX_LIMIT, schema = @Schema(type = "integer", defaultValue = "" + DEFAULT_LIMIT))
            @RequestParam(required = false) String limit,
            @Parameter(description = "the nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        int size = limit(limit);
        SubscriptionCursor after;
        try {
            after = cursor == null ? null : SubscriptionCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new FieldRejected("cursor", e.getMessage());
        }
        SubscriptionCommands.Page page = commands.list(after == null ? null : after.createdAt(), after == null ? null : after.id(), size);
        return new SubscriptionResponse.SubscriptionList(page.items().stream().map(s -> SubscriptionResponse.of(s, null, clock.instant())).toList(),
                page.last() == null ? null : new SubscriptionCursor(page.last().createdAt(), page.last().id().value()).encode());
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int size;
        try {
            size = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new FieldRejected("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new FieldRejected("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return size;
    }

    @GetMapping("/{id}")
    @Command(value = "subscription.get", scope = Scopes.SUBSCRIPTIONS_WRITE)
    @Operation(operationId = "getSubscription", summary = "One subscription, without its secret")
    SubscriptionResponse get(@PathVariable UUID id) {
        return SubscriptionResponse.of(commands.get(new SubscriptionId(id)), null, clock.instant());
    }

    @DeleteMapping("/{id}")
    @Command(value = "subscription.delete", scope = Scopes.SUBSCRIPTIONS_WRITE)
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription; what it still had to receive is cancelled")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        commands.delete(new SubscriptionId(id));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    @PostMapping("/{id}/secret/rotate")
    @Command(value = "subscription.rotate", scope = Scopes.SUBSCRIPTIONS_WRITE)
    @Operation(operationId = "rotateSecret", summary = "Give a webhook subscription a new signing secret; during the overlap "
            + "webhooks carry signatures with the old and the new one")
    SubscriptionResponse rotate(@PathVariable UUID id) {
        SubscriptionCommands.Created rotated = commands.rotateSecret(new SubscriptionId(id));
        return SubscriptionResponse.of(rotated.subscription(), rotated.secret(), clock.instant());
    }

    private static Set<EventType> eventTypes(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            EventType type = EventType.fromWireName(names.get(i)).filter(SubscriptionFilter.SUBSCRIBABLE_TYPES::contains)
                    .orElseThrow(() -> new FieldRejected("eventTypes[" + index + "]", "must be one of " + SubscriptionFilter.SUBSCRIBABLE_TYPES
                            .stream().map(EventType::wireName).sorted().toList()));
            types.add(type);
        }
        return types;
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new FieldRejected(field, message);
        }
    }

    private static void forbid(Object value, String field, String message) {
        if (value != null) {
            throw new FieldRejected(field, message);
        }
    }
}
