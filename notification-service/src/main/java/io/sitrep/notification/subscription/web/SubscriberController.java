package io.sitrep.notification.subscription.web;

import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who is subscribed, for responders: counts per channel and component for any key, and the list of subscribers, with
 * their addresses, for an admin key only.
 */
@RestController
@RequestMapping("/api/v1/subscribers")
class SubscriberController {

    /** The most subscribers one export holds; more are left out, and the answer says so. */
    static final int MAX_EXPORT = 100_000;
    /** The CSV's header that says whether subscribers were left out. */
    static final String TRUNCATED = "X-Sitrep-Truncated";

    private final SubscriptionCommands commands;

    SubscriberController(SubscriptionCommands commands) {
        this.commands = commands;
    }

    /**
     * Subscriptions of one channel to one component.
     *
     * @param component the component id; absent for the subscriptions to every component
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Count(Channel channel, String component, long active, long pending) {
    }

    /** The counts, per channel and component. */
    record Counts(List<Count> items) {
    }

    /**
     * One subscriber as exported.
     *
     * @param email        an email subscription's address; null for the other channels
     * @param url          a webhook's origin, a chat channel's redacted URL; null for email
     * @param contactEmail a webhook's contact address, when it was subscribed from the status page
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Subscriber(UUID id, Channel channel, String email, String url, String contactEmail, List<String> components,
                      SubscriptionStatus status, Instant createdAt) {
    }

    /** The export; {@code truncated} when there were more than it holds. */
    record Export(List<Subscriber> items, boolean truncated) {
    }

    @GetMapping("/counts")
    @Operation(operationId = "countSubscribers", summary = "How many subscriptions are active and pending, per channel and "
            + "component (without a component: subscribed to every component); any key")
    Counts counts() {
        return new Counts(commands.counts().stream().map(SubscriberController::count).toList());
    }

    @GetMapping(value = "/export", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Command(value = "subscribers.export", scope = ApiPrincipal.ADMIN)
    @ApiResponse(responseCode = "200", description = "The active and pending subscribers, oldest first, at most " + MAX_EXPORT
            + ": JSON, or CSV (id,channel,email,url,contactEmail,components,status,createdAt; components separated by spaces) "
            + "with Accept: text/csv (header X-Sitrep-Truncated: true when some were left out)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Export.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Operation(operationId = "exportSubscribers", summary = "Export the subscribers, with their addresses; needs the admin scope")
    ResponseEntity<?> export(@org.springframework.web.bind.annotation.RequestHeader(value = "Accept", required = false) String accept) {
        List<Subscription> found = commands.subscribers(MAX_EXPORT + 1);
        boolean truncated = found.size() > MAX_EXPORT;
        List<Subscriber> items = found.stream().limit(MAX_EXPORT).map(SubscriberController::subscriber).toList();
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.noStore())
                    .header("Content-Disposition", "attachment; filename=\"subscribers.csv\"")
                    .header(TRUNCATED, Boolean.toString(truncated))
                    .body(SubscriberCsv.of(items));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Export(items, truncated));
    }

    private static Subscriber subscriber(Subscription s) {
        boolean email = s.channel() == Channel.EMAIL;
        String url = email ? null : s.channel().isChat() ? Subscription.redacted(s.target()) : s.publicTarget();
        return new Subscriber(s.id().value(), s.channel(), email ? s.target() : null, url, s.contactEmail(),
                s.filter().components().stream().sorted().toList(), s.status(), s.createdAt());
    }

    private static Count count(Subscriptions.Count c) {
        return new Count(c.channel(), c.component(), c.active(), c.pending());
    }
}
