package io.sitrep.notification.webhook;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DeliveryChannel;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.SigningSecret;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.WebhookFormat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Webhooks: the stored body (Standard Webhooks) or its Statuspage form, signed with the subscription's secret (and
 * the previous one during a rotation). Every body comes from the event stored with the delivery, so each attempt
 * sends the same bytes, with the delivery's id as {@code webhook-id}. A webhook's confirmation and disabled notice
 * are emails, not webhooks.
 */
public final class WebhookChannel implements DeliveryChannel {

    /** The event types that go to a webhook's contact address by email. */
    private final Set<String> byMail;
    private final WebhookSender sender;
    private final WebhookPayload payloads;
    private final StatuspagePayload statuspage;

    public WebhookChannel(WebhookSender sender, WebhookPayload payloads, StatuspagePayload statuspage, Set<String> byMail) {
        this.sender = sender;
        this.payloads = payloads;
        this.statuspage = statuspage;
        this.byMail = Set.copyOf(byMail);
    }

    @Override
    public boolean carries(Subscription s, Delivery.Sending sending) {
        return s.channel() == Channel.WEBHOOK && !byMail.contains(sending.eventType());
    }

    @Override
    public String host(Subscription s) {
        return hostOf(s.target());
    }

    @Override
    public CompletableFuture<AttemptResult> send(Attempt attempt) {
        Subscription s = attempt.subscription();
        byte[] stored = attempt.sending().payload();
        byte[] body = s.format() == WebhookFormat.STATUSPAGE ? statuspage.body(payloads.event(stored)) : stored;
        return sender.send(new WebhookSender.Attempt(attempt.id().value(), URI.create(s.target()), body, secrets(s, attempt.at()),
                attempt.traceHeaders()), WebhookSender.Reading.STATUS);
    }

    /** The circuit breaker key of an HTTP target: its host and port. */
    public static String hostOf(String target) {
        URI uri = URI.create(target);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase() + ":" + port;
    }

    private static List<SigningSecret> secrets(Subscription s, Instant now) {
        List<SigningSecret> secrets = new ArrayList<>(2);
        secrets.add(s.secret());
        SigningSecret previous = s.previousSecretAt(now);
        if (previous != null) {
            secrets.add(previous);
        }
        return secrets;
    }
}
