package io.sitrep.notification.subscription.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitrep.notification.subscription.oversight.Oversight;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.sitrep.support.web.FieldRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Finding a subscriber by an exact address, for admins who must remove one: it answers addresses, so it needs the admin scope. */
@RestController
class SubscriberSearchController {

    /** The longest email address (RFC 5321's path limit). */
    static final int MAX_EMAIL = 320;
    /** The longest host name (RFC 1035). */
    static final int MAX_HOST = 253;

    private final Oversight oversight;

    SubscriberSearchController(Oversight oversight) {
        this.oversight = oversight;
    }

    /**
     * A subscription found by its address, without any secret.
     *
     * @param address an email subscription's address or a webhook's contact address when found by email; a webhook's
     *                origin or a chat channel's redacted URL when found by host
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FoundSubscriber(UUID id, Channel channel, String address, List<String> components, SubscriptionStatus status,
                           String disabledReason, Instant createdAt) {
    }

    /** A page of subscribers found, oldest first. */
    record FoundSubscribers(List<FoundSubscriber> items,
                            @Schema(types = {"string", "null"}, description = "pass as cursor to get the next page; null on the last page")
                            String nextCursor) {
    }

    @GetMapping("/api/v1/subscribers/search")
    @Command(value = "subscribers.search", scope = ApiPrincipal.ADMIN)
    @Operation(operationId = "searchSubscribers", summary = "Find the subscriptions of one email address (exact, case aside: "
            + "email subscriptions and webhooks with that contact) or of one host (webhooks and chat channels); deleted ones left out, "
            + "oldest first, never a secret; needs the admin scope")
    ResponseEntity<FoundSubscribers> search(
            @Parameter(description = "an email address, at most 320 characters; give this or host") @RequestParam(required = false) String email,
            @Parameter(description = "a webhook's or chat channel's host name, at most 253 characters; give this or email")
            @RequestParam(required = false) String host,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "the nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        String byEmail = blankToNull(email);
        String byHost = blankToNull(host);
        if ((byEmail == null) == (byHost == null)) {
            throw new FieldRejected(byEmail == null ? "email" : "host", "give either an email address or a host");
        }
        if (byEmail != null && (byEmail.length() > MAX_EMAIL || byEmail.indexOf('@') <= 0)) {
            throw new FieldRejected("email", "must be an email address of at most " + MAX_EMAIL + " characters");
        }
        if (byHost != null && (byHost.length() > MAX_HOST || !byHost.matches("[A-Za-z0-9.\\-\\[\\]:]+"))) {
            throw new FieldRejected("host", "must be a host name of at most " + MAX_HOST + " characters, without scheme or path");
        }
        SubscriptionCursor after;
        try {
            after = cursor == null || cursor.isEmpty() ? null : SubscriptionCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new FieldRejected("cursor", e.getMessage());
        }
        Instant afterCreatedAt = after == null ? null : after.createdAt();
        UUID afterId = after == null ? null : after.id();
        List<Oversight.Found> found = byEmail != null
                ? oversight.byEmail(byEmail, afterCreatedAt, afterId, limit + 1)
                : oversight.byHost(byHost, afterCreatedAt, afterId, limit + 1);
        List<FoundSubscriber> items = found.stream().limit(limit)
                .map(f -> new FoundSubscriber(f.id(), f.channel(), f.address(), f.components(), f.status(), f.disabledReason(), f.createdAt()))
                .toList();
        String next = found.size() > limit ? new SubscriptionCursor(items.get(limit - 1).createdAt(), items.get(limit - 1).id()).encode() : null;
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new FoundSubscribers(items, next));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
