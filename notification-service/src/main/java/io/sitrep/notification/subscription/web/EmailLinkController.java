package io.sitrep.notification.subscription.web;

import io.sitrep.notification.email.EmailLinks;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.SubscriptionNotActive;
import io.sitrep.notification.subscription.UnknownSubscription;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import io.sitrep.support.web.OpenApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Optional;

/**
 * The links in emails, for people and mail clients: no API key, the signed token is the credential.
 * Confirming is a GET, as people click it. Unsubscribing is a POST (RFC 8058 one-click, or the
 * button of the page the link's GET shows), so that a mail scanner that follows links cannot
 * unsubscribe anyone.
 */
@RestController
@RequestMapping(value = "/api/v1/subscriptions", produces = MediaType.TEXT_HTML_VALUE)
@Tag(name = OpenApiProblems.PUBLIC_TAG, description = "The links in emails; no API key")
@SecurityRequirements
class EmailLinkController {

    private final SubscriptionCommands commands;
    private final EmailLinks links;
    private final Clock clock;

    EmailLinkController(SubscriptionCommands commands, EmailLinks links, Clock clock) {
        this.commands = commands;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/confirm")
    @ApiResponse(responseCode = "200", description = "Confirmed (or confirmed before)")
    @ApiResponse(responseCode = "400", description = "The link is invalid or expired")
    @ApiResponse(responseCode = "409", description = "The subscription was deleted or unsubscribed")
    @Operation(operationId = "confirmEmail", summary = "Confirm an email subscription (the link in the confirmation email)")
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
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html("Unsubscribe",
                "<p>Stop incident notifications to this address?</p><form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>"));
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

    private static ResponseEntity<String> page(int status, String title, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html(title, "<p>" + text + "</p>"));
    }

    private static String html(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body style=\"font-family: sans-serif\"><h1>" + title + "</h1>" + body + "</body></html>";
    }
}
