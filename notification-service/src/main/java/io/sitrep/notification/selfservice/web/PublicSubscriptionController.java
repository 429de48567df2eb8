package io.sitrep.notification.selfservice.web;

import io.sitrep.notification.template.LinkPages;
import io.sitrep.notification.notice.PageSettings;
import io.sitrep.support.web.ClientAddresses;
import io.sitrep.notification.selfservice.SelfService;
import io.sitrep.notification.target.TargetRefused;
import io.sitrep.support.web.FieldRejected;
import io.sitrep.support.web.OpenApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Subscribe from the status page, without a key: an email address, or a webhook with its contact address, double
 * opt-in. Every request that passes the rules of its fields gets the same answer, whether the address is known, new,
 * over a limit or a robot's (no enumeration); what became of it is counted, never told. There is no CSRF token: the
 * page's form posts here from another origin without script, and a forged request can only ask for a confirmation
 * email, which subscribes nobody unless its recipient follows the link.
 */
@RestController
@RequestMapping("/api/v1/public/subscriptions")
@Tag(name = OpenApiProblems.PUBLIC_TAG, description = "The links in emails; no API key")
@SecurityRequirements
class PublicSubscriptionController {

    /** The one answer to JSON: byte for byte the same whatever became of the request. */
    static final Accepted ACCEPTED = new Accepted("accepted",
            "If the address can be subscribed, a confirmation email is on its way. Nothing is sent until its link is followed.");

    private static final String BAD_REQUEST = "A field breaks its rule (an invalid or too long address, control characters, an "
            + "unknown or repeated field, a refused webhook URL): for JSON a validation-failed or malformed-request problem whose "
            + "errors name the field; for the form a page that says which field is at fault";

    /** The form's fields; any other is refused. */
    private static final Set<String> FORM_FIELDS = Set.of("email", "components", "website", "webhookUrl", "contactEmail");

    private final SelfService selfService;
    private final ClientAddresses clients;
    private final LinkPages pages;
    private final PageSettings page;

    PublicSubscriptionController(SelfService selfService, ClientAddresses clients, LinkPages pages, PageSettings page) {
        this.selfService = selfService;
        this.clients = clients;
        this.pages = pages;
        this.page = page;
    }

    /** The answer to every request that passes the rules of its fields. */
    record Accepted(@Schema(allowableValues = "accepted") String status, String message) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "202", description = "The one answer, whether the address is known, new or over a limit: a "
            + "confirmation email is on its way if it can be subscribed")
    @ApiResponse(responseCode = "400", description = BAD_REQUEST, content = {
            @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")),
            @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))})
    @Operation(operationId = "subscribePublicly", summary = "Subscribe an email address, or a webhook with its contact address, "
            + "without a key (double opt-in); also takes the status page's form (application/x-www-form-urlencoded, answered "
            + "with an HTML page)")
    ResponseEntity<Accepted> subscribe(@RequestBody PublicSubscriptionRequest request, HttpServletRequest http) {
        SelfService.Request checked;
        try {
            checked = PublicFields.request(request.email(), request.components(), request.website(), request.webhookUrl(),
                    request.contactEmail());
        } catch (PublicFields.Rejected e) {
            throw new FieldRejected(e.field(), e.getMessage());
        }
        try {
            selfService.request(checked, client(http));
        } catch (TargetRefused e) {
            throw new FieldRejected("webhookUrl", e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(ACCEPTED);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    @ApiResponse(responseCode = "200", description = "The form's answer: a page that says to check the inbox and links back to the "
            + "status page, whatever became of the request")
    @ApiResponse(responseCode = "400", description = BAD_REQUEST, content = {
            @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")),
            @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))})
    @Operation(operationId = "subscribePublicly")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            schema = @Schema(implementation = PublicSubscriptionRequest.class)))
    ResponseEntity<String> subscribeByForm(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form,
                                           HttpServletRequest http) {
        SelfService.Request checked;
        try {
            for (Map.Entry<String, List<String>> field : form.entrySet()) {
                if (!FORM_FIELDS.contains(field.getKey())) {
                    throw new PublicFields.Rejected(shown(field.getKey()), "is not a field of this form");
                }
                if (!field.getKey().equals("components") && field.getValue().size() > 1) {
                    throw new PublicFields.Rejected(field.getKey(), "may be given once");
                }
            }
            // Unticked boxes send nothing, but a blank value (an empty select) means no choice either.
            List<String> components = form.getOrDefault("components", List.of()).stream().filter(c -> !c.isBlank()).toList();
            checked = PublicFields.request(form.getFirst("email"), components, form.getFirst("website"), form.getFirst("webhookUrl"),
                    form.getFirst("contactEmail"));
            selfService.request(checked, client(http));
        } catch (PublicFields.Rejected e) {
            return html(400, pages.withPageLink("Please check the form", e.field() + ": " + e.getMessage() + ".", page.name(), page.pageUrl()));
        } catch (TargetRefused e) {
            return html(400, pages.withPageLink("Please check the form", "webhookUrl: " + e.getMessage(), page.name(), page.pageUrl()));
        }
        return html(200, pages.withPageLink("Check your inbox", "If the address can be subscribed, a confirmation email is on its "
                + "way. Follow its link to confirm; nothing is sent until then.", page.name(), page.pageUrl()));
    }

    private String client(HttpServletRequest http) {
        return clients.of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
    }

    /** A field name as a refusal may show it: short, printable. */
    private static String shown(String name) {
        String printable = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
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
