package io.sitrep.notification.email;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DeliveryChannel;
import io.sitrep.notification.delivery.Endpoints;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionDeliveries;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Email: an email subscription's notifications, and the service's own mails about a subscription (the confirmation,
 * and the notice to a webhook's contact address that it was disabled), each on the mail pool.
 */
public final class EmailChannel implements DeliveryChannel {

    private final EmailSender sender;
    private final PreparedEmails notifications;
    private final Executor mailExecutor;

    public EmailChannel(EmailSender sender, PreparedEmails notifications, Executor mailExecutor) {
        this.sender = sender;
        this.notifications = notifications;
        this.mailExecutor = mailExecutor;
    }

    @Override
    public boolean carries(Subscription s, Delivery.Sending sending) {
        return !s.channel().overHttp() || ownMail(sending);
    }

    @Override
    public String refusal(Subscription s, Delivery.Sending sending) {
        return to(s) == null ? "the subscription has no address to email" : null;
    }

    @Override
    public String host(Subscription s) {
        return Endpoints.SMTP;
    }

    @Override
    public CompletableFuture<AttemptResult> send(Attempt attempt) {
        Subscription s = attempt.subscription();
        String to = to(s);
        String type = attempt.sending().eventType();
        return CompletableFuture.supplyAsync(attempt.inTrace().wrap(() -> SubscriptionDeliveries.CONFIRMATION.equals(type)
                ? sender.sendConfirmation(attempt.id().value(), attempt.traceId(), s.id(), to, s.filter().components(),
                        s.channel().overHttp() ? s.publicTarget() : null)
                : SubscriptionDeliveries.DISABLED_NOTICE.equals(type)
                ? sender.sendDisabledNotice(attempt.id().value(), attempt.traceId(), s.id(), to, s.publicTarget(), s.disabledReason())
                : sender.sendNotification(attempt.id().value(), attempt.traceId(), s.id(), s.target(),
                        notifications.of(attempt.sending().payload()))), mailExecutor);
    }

    /** A webhook's mails go to its contact address. */
    private static String to(Subscription s) {
        return s.channel().overHttp() ? s.contactEmail() : s.target();
    }

    private static boolean ownMail(Delivery.Sending sending) {
        return SubscriptionDeliveries.CONFIRMATION.equals(sending.eventType())
                || SubscriptionDeliveries.DISABLED_NOTICE.equals(sending.eventType());
    }
}
