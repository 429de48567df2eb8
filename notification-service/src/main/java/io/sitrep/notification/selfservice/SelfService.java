package io.sitrep.notification.selfservice;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.notification.subscription.ConfirmationLimitReached;
import io.sitrep.notification.subscription.application.SubscriptionCommands;

import java.util.Set;

/**
 * A subscription asked for from the status page, without a key. Whatever becomes of it, the caller is told the same:
 * that a confirmation email is on its way if the address can be subscribed. Nothing is sent for a filled honeypot, over
 * the limits of the client or the address, or while the address had its confirmation emails this hour; the
 * confirmation email of an address that is subscribed already reads as any other. The outcome is counted in
 * {@code sitrep.public.subscriptions} by kind, never by address.
 */
public class SelfService {

    /**
     * A request as the page sends it.
     *
     * @param email        the address to subscribe; null for a webhook
     * @param components   the components to hear about; empty for all
     * @param website      the honeypot: a field people do not see, so only robots fill it
     * @param webhookUrl   a webhook to subscribe instead of an address; null for email
     * @param contactEmail the webhook's contact address; null for email
     */
    public record Request(String email, Set<String> components, String website, String webhookUrl, String contactEmail) {

        public Request {
            components = components == null ? Set.of() : Set.copyOf(components);
        }

        boolean webhook() {
            return webhookUrl != null;
        }
    }

    /** What became of a request: for metrics and tests, never for the caller. */
    public enum Outcome {
        CONFIRMATION_QUEUED("confirmation_queued"),
        HONEYPOT("honeypot"),
        OVER_LIMIT("over_limit"),
        CONFIRMATION_LIMIT("confirmation_limit");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final SubscriptionCommands commands;
    private final PublicRequests limits;
    private final MeterRegistry meters;

    public SelfService(SubscriptionCommands commands, PublicRequests limits, MeterRegistry meters) {
        this.commands = commands;
        this.limits = limits;
        this.meters = meters;
    }

    /**
     * Takes a request that passed the rules of its fields.
     *
     * @param client the client's address, for the per-client limit
     * @throws io.sitrep.notification.target.TargetRefused when the webhook URL may not be called
     */
    public Outcome request(Request request, String client) {
        Outcome outcome = decide(request, client);
        meters.counter("sitrep.public.subscriptions", "channel", request.webhook() ? "webhook" : "email", "outcome", outcome.tag).increment();
        return outcome;
    }

    private Outcome decide(Request request, String client) {
        if (request.website() != null && !request.website().isEmpty()) {
            return Outcome.HONEYPOT;
        }
        String address = request.webhook() ? request.contactEmail() : request.email();
        if (!limits.admit(client, address)) {
            return Outcome.OVER_LIMIT;
        }
        try {
            if (request.webhook()) {
                commands.subscribeWebhookFromPage(request.webhookUrl(), request.contactEmail(), request.components());
            } else {
                commands.subscribeEmailFromPage(request.email(), request.components());
            }
            return Outcome.CONFIRMATION_QUEUED;
        } catch (ConfirmationLimitReached e) {
            return Outcome.CONFIRMATION_LIMIT;
        }
    }
}
