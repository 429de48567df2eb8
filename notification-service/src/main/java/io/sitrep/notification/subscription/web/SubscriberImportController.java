package io.sitrep.notification.subscription.web;

import io.sitrep.notification.subscription.EmailAddress;
import io.sitrep.notification.subscription.application.SubscriberImport;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.sitrep.support.web.FieldRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Importing email subscribers who are confirmed already, for admins who bring a list from elsewhere: all of a batch
 * or, when one entry breaks a rule, none of it.
 */
@RestController
class SubscriberImportController {

    /** The most components one imported subscriber names. */
    static final int MAX_COMPONENTS = 100;

    private final SubscriberImport imports;

    SubscriberImportController(SubscriberImport imports) {
        this.imports = imports;
    }

    /**
     * A batch of subscribers to import.
     *
     * @param subscribers the addresses, each once (compared lower-cased), with their components
     */
    record ImportSubscribersRequest(
            @NotNull @Size(min = 1, max = SubscriberImport.MAX_BATCH)
            @Schema(description = "The subscribers, 1 to " + SubscriberImport.MAX_BATCH + ", each address once (compared lower-cased)")
            List<@NotNull @Valid ImportedSubscriber> subscribers) {
    }

    /**
     * One subscriber to import.
     *
     * @param email      the address to notify
     * @param components component ids to notify it of; empty or absent for all
     */
    record ImportedSubscriber(
            @NotNull @Size(max = EmailAddress.MAX_LENGTH)
            @Pattern(regexp = EmailAddress.PATTERN, message = "must be an email address such as someone@example.com")
            @Schema(description = "The address to notify; confirmed already: no confirmation email is sent")
            String email,
            @Size(max = MAX_COMPONENTS)
            @Schema(description = "Component ids, at most " + MAX_COMPONENTS + "; empty or absent for all")
            List<@NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be a component id") String> components) {
    }

    /**
     * What became of a batch; the counts add up to {@code received}.
     *
     * @param created           subscribed now, active at once
     * @param alreadySubscribed left as they were: the address has an active subscription (whatever its components)
     * @param unsubscribed      left out: the address unsubscribed, and its recipient's choice wins over a list
     */
    record ImportResult(int received, int created, int alreadySubscribed, int unsubscribed) {
    }

    @PostMapping(value = "/api/v1/subscribers/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "subscribers.import", scope = ApiPrincipal.ADMIN)
    @ApiResponse(responseCode = "200", description = "Imported, in one transaction: the counts of addresses created, already "
            + "subscribed and left out as unsubscribed. Importing the same batch again creates nothing. An entry that breaks a "
            + "rule (an invalid or too long address, an address twice, a bad component id, control characters) is a 400 naming "
            + "it (subscribers[i].email, …), and then nothing of the batch is imported")
    @Operation(operationId = "importSubscribers", summary = "Import email subscribers who are confirmed already (no confirmation "
            + "email), each active at once with an unsubscribe link of its own; at most " + SubscriberImport.MAX_BATCH
            + " a request; needs the admin scope")
    ResponseEntity<ImportResult> importSubscribers(@Valid @RequestBody ImportSubscribersRequest request,
                                                   @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        List<SubscriberImport.Subscriber> batch = new ArrayList<>(request.subscribers().size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.subscribers().size(); i++) {
            ImportedSubscriber subscriber = request.subscribers().get(i);
            String field = "subscribers[" + i + "].email";
            String address = EmailAddress.of(subscriber.email())
                    .orElseThrow(() -> new FieldRejected(field, "must be an email address such as someone@example.com"));
            Integer earlier = seen.putIfAbsent(EmailAddress.key(address), i);
            if (earlier != null) {
                // The address is the caller's own; the answer names where it repeats, not the address.
                throw new FieldRejected(field, "repeats subscribers[" + earlier + "].email: each address once");
            }
            batch.add(new SubscriberImport.Subscriber(address,
                    subscriber.components() == null ? Set.of() : Set.copyOf(subscriber.components())));
        }
        SubscriberImport.Imported imported = imports.importEmails(batch, principal.name());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ImportResult(batch.size(), imported.created(),
                imported.alreadySubscribed(), imported.unsubscribed()));
    }
}
