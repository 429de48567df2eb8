package io.sitrep.notification.subscription.web;

import io.sitrep.notification.subscription.EmailLinks;
import io.sitrep.notification.template.LinkPages;
import io.sitrep.notification.notice.PageSettings;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.SubscriptionNotActive;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.UnknownSubscription;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import io.sitrep.support.web.OpenApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The "Manage your subscription" link of every notification email: a page, for the token's holder, that changes the
 * components an email subscription hears about or unsubscribes it. No API key: the signed token is the credential. The
 * GET only shows the page (mail scanners fetch links); its forms POST with the token.
 */
@RestController
@RequestMapping(value = "/api/v1/subscriptions/manage", produces = MediaType.TEXT_HTML_VALUE)
@Tag(name = OpenApiProblems.PUBLIC_TAG, description = "The links in emails; no API key")
@SecurityRequirements
class ManageController {

    private static final Pattern COMPONENT = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final int MAX_COMPONENTS = 100;
    private static final int MAX_MORE = 2000;
    private static final Set<String> FIELDS = Set.of("token", "action", "components", "more");

    private final SubscriptionCommands commands;
    private final EmailLinks links;
    private final LinkPages pages;
    private final PageSettings page;
    private final Clock clock;

    ManageController(SubscriptionCommands commands, EmailLinks links, LinkPages pages, PageSettings page, Clock clock) {
        this.commands = commands;
        this.links = links;
        this.pages = pages;
        this.page = page;
        this.clock = clock;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "The manage page: the subscription's components, Save and Unsubscribe buttons")
    @ApiResponse(responseCode = "400", description = "The link is invalid")
    @ApiResponse(responseCode = "409", description = "The subscription was unsubscribed, disabled or deleted")
    @Operation(operationId = "managePage", summary = "The page of an email's manage link: change the components or unsubscribe")
    ResponseEntity<String> managePage(@RequestParam(required = false) String token) {
        Optional<Subscription> found = subscription(token);
        if (found.isEmpty()) {
            return invalid();
        }
        Subscription s = found.get();
        if (!manageable(s)) {
            return gone();
        }
        return html(200, pages.manage(page.name(), page.pageUrl(), s.target(), s.filter().components().stream().sorted().toList(),
                "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ApiResponse(responseCode = "200", description = "Saved, or unsubscribed")
    @ApiResponse(responseCode = "400", description = "The link is invalid, or a field is (the page says which)")
    @ApiResponse(responseCode = "409", description = "The subscription was unsubscribed, disabled or deleted")
    @Operation(operationId = "manageSubscription", summary = "The manage page's forms: action=save with the components "
            + "(repeated) and more (ids separated by commas), none for all; or action=unsubscribe")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            schema = @Schema(implementation = ManageForm.class)))
    @Parameter(name = "token", in = io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY, description = "the token of the manage link",
            schema = @Schema(type = "string"))
    ResponseEntity<String> manage(@Parameter(hidden = true) @RequestParam(required = false) String token,
                                  @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form) {
        Optional<Subscription> found = subscription(token);
        if (found.isEmpty()) {
            return invalid();
        }
        Subscription s = found.get();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (!FIELDS.contains(field.getKey()) || !field.getKey().equals("components") && field.getValue().size() > 1) {
                return refused("The form sent a field it does not have.");
            }
        }
        String action = form.getFirst("action");
        if ("unsubscribe".equals(action)) {
            try {
                commands.unsubscribe(s.id());
            } catch (UnknownSubscription e) {
                // Deleted meanwhile: nothing will be sent either way.
            }
            return html(200, pages.withPageLink("Unsubscribed", "You will get no more incident notifications at this address.",
                    page.name(), page.pageUrl()));
        }
        if (!"save".equals(action)) {
            return refused("action: must be save or unsubscribe.");
        }
        Set<String> components = new LinkedHashSet<>(form.getOrDefault("components", List.of()));
        String more = form.getFirst("more");
        if (more != null) {
            if (more.length() > MAX_MORE) {
                return refused("more: must be at most " + MAX_MORE + " characters.");
            }
            for (String id : more.split(",")) {
                if (!id.isBlank()) {
                    components.add(id.strip());
                }
            }
        }
        components.remove("");
        if (components.size() > MAX_COMPONENTS) {
            return refused("components: at most " + MAX_COMPONENTS + ".");
        }
        List<String> wrong = new ArrayList<>(components.stream().filter(c -> !COMPONENT.matcher(c).matches()).toList());
        if (!wrong.isEmpty()) {
            return refused("components: a component id has lower-case letters, digits, '.', '_' and '-' only, at most 64.");
        }
        if (!manageable(s)) {
            return gone();
        }
        try {
            Subscription saved = commands.changeComponents(s.id(), components);
            List<String> chosen = saved.filter().components().stream().sorted().toList();
            return html(200, pages.withPageLink("Preferences saved", "You will hear about " + (chosen.isEmpty() ? "every component"
                    : String.join(", ", chosen)) + ".", page.name(), page.pageUrl()));
        } catch (UnknownSubscription | SubscriptionNotActive e) {
            return gone();
        }
    }

    /**
     * What the manage page's forms send.
     *
     * @param action     {@code save} or {@code unsubscribe}
     * @param components the component ids kept (the ticked boxes), repeated
     * @param more       further component ids, separated by commas
     */
    record ManageForm(@Schema(allowableValues = {"save", "unsubscribe"}) String action, List<String> components,
                      @Schema(maxLength = MAX_MORE) String more) {
    }

    private Optional<Subscription> subscription(String token) {
        Optional<SubscriptionId> id = links.verify(EmailLinks.Purpose.MANAGE, token, clock.instant());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(commands.get(id.get()));
        } catch (UnknownSubscription e) {
            return Optional.empty();
        }
    }

    private static boolean manageable(Subscription s) {
        return s.channel() == Channel.EMAIL
                && (s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.PENDING_CONFIRMATION);
    }

    private ResponseEntity<String> invalid() {
        return html(400, pages.message("This link does not work", "The link is invalid."));
    }

    private ResponseEntity<String> gone() {
        return html(409, pages.withPageLink("This subscription has ended", "It was unsubscribed, disabled or deleted. Subscribe "
                + "again from the status page if you wish.", page.name(), page.pageUrl()));
    }

    private ResponseEntity<String> refused(String what) {
        return html(400, pages.withPageLink("Please check the form", what, page.name(), page.pageUrl()));
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
