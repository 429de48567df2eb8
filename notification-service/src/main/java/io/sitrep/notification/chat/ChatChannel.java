package io.sitrep.notification.chat;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DeliveryChannel;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionDeliveries;
import io.sitrep.notification.webhook.WebhookChannel;
import io.sitrep.notification.webhook.WebhookPayload;
import io.sitrep.notification.webhook.WebhookSender;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Chat channels (Slack, Teams, Discord, Google Chat): each its own message from the stored event, unsigned (the URL
 * is the credential), its answers read as that channel documents them.
 */
public final class ChatChannel implements DeliveryChannel {

    /** Google Chat asks for the charset; the others accept it. */
    private static final String CHAT_JSON = "application/json; charset=UTF-8";

    private final WebhookSender sender;
    private final WebhookPayload payloads;
    private final ChatMessages messages;

    public ChatChannel(WebhookSender sender, WebhookPayload payloads, ChatMessages messages) {
        this.sender = sender;
        this.payloads = payloads;
        this.messages = messages;
    }

    @Override
    public boolean carries(Subscription s, Delivery.Sending sending) {
        return s.channel().isChat() && !SubscriptionDeliveries.CONFIRMATION.equals(sending.eventType())
                && !SubscriptionDeliveries.DISABLED_NOTICE.equals(sending.eventType());
    }

    @Override
    public String host(Subscription s) {
        return WebhookChannel.hostOf(s.target());
    }

    @Override
    public CompletableFuture<AttemptResult> send(Attempt attempt) {
        Subscription s = attempt.subscription();
        return sender.send(new WebhookSender.Attempt(attempt.id().value(), URI.create(s.target()),
                messages.body(s.channel(), payloads.event(attempt.sending().payload())), List.of(), attempt.traceHeaders(), CHAT_JSON),
                ChatRefusals.reading(s.channel()));
    }

    /** A chat webhook's URL is its credential and a parsing failure would quote it: only the kind of failure is told. */
    @Override
    public String describe(Throwable failure) {
        return failure.getClass().getSimpleName();
    }
}
