package io.sitrep.notification.subscription.web;

import io.sitrep.notification.subscription.EmailLinks;
import io.sitrep.notification.template.LinkPages;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.SubscriptionNotActive;
import io.sitrep.notification.subscription.UnknownSubscription;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import io.sitrep.support.web.OpenApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The links in emails, for people and mail clients: no API key, the signed token is the credential.
 * A link's GET only shows a page, whose button POSTs: mail scanners fetch the links of every email, and
 * must neither confirm a subscription nor unsubscribe anyone. Unsubscribing also takes the RFC 8058
 * one-click POST ({@code List-Unsubscribe=One-Click}) of mail clients.
 */
@RestController
@RequestMapping(value = "/api/v1/subscriptions", produces = MediaType.TEXT_HTML_VALUE)
@Tag(name = OpenApiProblems.PUBLIC_TAG, description = "The links in emails; no API key")
@SecurityRequirements
class EmailLinkController {

    private final SubscriptionCommands commands;
    private final EmailLinks links;
    private final LinkPages pages;
    private final Clock clock;

    EmailLinkController(SubscriptionCommands commands, EmailLinks links, LinkPages pages, Clock clock) {
        this.commands = commands;
        this.links = links;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/confirm")
    @ApiResponse(responseCode = "200", description = "A page with a Confirm button; nothing changes until it is pressed")
    @ApiResponse(responseCode = "400", description = "The link is invalid or expired")
    @Operation(operationId = "confirmPage", summary = "The page of the confirmation email's link: a button that confirms")
    ResponseEntity<String> confirmPage(@RequestParam(required = false) String token) {
        if (links.verify(EmailLinks.Purpose.CONFIRM, token, clock.instant()).isEmpty()) {
            return page(400, "This link does not work", "The link is invalid or has expired. Subscribe again to get a new one.");
        }
        return html(200, pages.button("Confirm your subscription", "Receive incident notifications at this address?",
                "Confirm", action(token)));
    }

    @PostMapping("/confirm")
    @ApiResponse(responseCode = "200", description = "Confirmed (or confirmed before)")
    @ApiResponse(responseCode = "400", description = "The link is invalid or expired")
    @ApiResponse(responseCode = "409", description = "The subscription was deleted or unsubscribed")
    @Operation(operationId = "confirmEmail", summary = "Confirm an email subscription (the button of the confirmation link's page)")
    ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
        Optional<SubscriptionId> id = links.verify(EmailLinks.Purpose.CONFIRM, token, clock.instant());
        if (id.isEmpty()) {
            return page(400, "This link does not work", "The link is invalid or has expired. Subscribe again to get a new one.");
        }
        try {
            commands.confirm(id.get());
            return page(200, "Subscription confirmed", "You will get an email when an incident you subscribed to changes.");
        } catch (UnknownSubscription | SubscriptionNotActive e) {
            return page(409, "This subscription cannot be confirmed", "It was deleted or unsubscribed. Subscribe again if you wish.");
        }
    }

    @GetMapping("/unsubscribe")
    @ApiResponse(responseCode = "200", description = "A page with an Unsubscribe button")
    @ApiResponse(responseCode = "400", description = "The link is invalid")
    @Operation(operationId = "unsubscribePage", summary = "The page of an email's unsubscribe link: a button that unsubscribes")
    ResponseEntity<String> unsubscribePage(@RequestParam(required = false) String token) {
        if (links.verify(EmailLinks.Purpose.UNSUBSCRIBE, token, clock.instant()).isEmpty()) {
            return page(400, "This link does not work", "The link is invalid.");
        }
        return html(200, pages.button("Unsubscribe", "Stop incident notifications to this address?", "Unsubscribe", action(token)));
    }

    @PostMapping("/unsubscribe")
    @ApiResponse(responseCode = "200", description = "Unsubscribed (or unsubscribed before)")
    @ApiResponse(responseCode = "400", description = "The link is invalid")
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe (RFC 8058 one-click, or the page's button)")
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
        Optional<SubscriptionId> id = links.verify(EmailLinks.Purpose.UNSUBSCRIBE, token, clock.instant());
        if (id.isEmpty()) {
            return page(400, "This link does not work", "The link is invalid.");
        }
        try {
            commands.unsubscribe(id.get());
        } catch (UnknownSubscription e) {
            // Deleted meanwhile: nothing will be sent either way.
        }
        return page(200, "Unsubscribed", "You will get no more incident notifications at this address.");
    }

    /** The form's target: this page's own path, with its token (verified, so a bounded base64url text). */
    private static String action(String token) {
        return "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private ResponseEntity<String> page(int status, String title, String text) {
        return html(status, pages.message(title, text));
    }

    private static ResponseEntity<String> html(int status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", LinkPages.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
