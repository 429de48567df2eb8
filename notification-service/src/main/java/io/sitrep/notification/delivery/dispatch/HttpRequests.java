package io.sitrep.notification.delivery.dispatch;

import io.sitrep.notification.chat.ChatMessages;
import io.sitrep.notification.chat.ChatRefusals;
import io.sitrep.notification.subscription.SigningSecret;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.WebhookFormat;
import io.sitrep.notification.webhook.StatuspagePayload;
import io.sitrep.notification.webhook.WebhookPayload;
import io.sitrep.notification.webhook.WebhookSender;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one HTTP attempt sends, by the subscription's channel and format: a webhook the stored body (Standard Webhooks)
 * or its Statuspage form, signed; a chat channel its own message, unsigned (the URL is its credential), its answers
 * read as that channel documents them. Every body comes from the event stored with the delivery, so each attempt
 * sends the same bytes.
 */
public final class HttpRequests {

    /** Google Chat asks for the charset; the others accept it. */
    private static final String CHAT_JSON = "application/json; charset=UTF-8";

    private final WebhookPayload payloads;
    private final StatuspagePayload statuspage;
    private final ChatMessages chat;

    public HttpRequests(WebhookPayload payloads, StatuspagePayload statuspage, ChatMessages chat) {
        this.payloads = payloads;
        this.statuspage = statuspage;
        this.chat = chat;
    }

    /** A request and how to read its answer. */
    record Request(WebhookSender.Attempt attempt, WebhookSender.Reading reading) {
    }

    Request of(UUID deliveryId, byte[] stored, Subscription s, Instant now, Map<String, String> traceHeaders) {
        URI url = URI.create(s.target());
        if (s.channel().isChat()) {
            return new Request(new WebhookSender.Attempt(deliveryId, url, chat.body(s.channel(), payloads.event(stored)), List.of(),
                    traceHeaders, CHAT_JSON), ChatRefusals.reading(s.channel()));
        }
        byte[] body = s.format() == WebhookFormat.STATUSPAGE ? statuspage.body(payloads.event(stored)) : stored;
        return new Request(new WebhookSender.Attempt(deliveryId, url, body, secrets(s, now), traceHeaders), WebhookSender.Reading.STATUS);
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
