package io.sitrep.notification.email;

import io.sitrep.events.SitrepEvent;
import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.subscription.SubscriptionId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends one email attempt over SMTP and reports what it got; blocking, so the dispatcher runs it on
 * its own small pool. Every email carries an unsubscribe link and the {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post} headers of RFC 8058, so mail clients offer one-click unsubscribe.
 * The delivery id and, when there is one, the trace id of the attempt are headers too
 * ({@code X-Sitrep-Delivery-Id}, {@code X-Sitrep-Trace-Id}): an email can be found in the logs and traces.
 */
public final class EmailSender {

    /** Anything with an @ in an error message: an address, however quoted. */
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("\\S*@\\S*");
    private static final int MAX_ERROR_LENGTH = 300;

    static final String CONFIRM_PATH = "/api/v1/subscriptions/confirm?token=";
    static final String UNSUBSCRIBE_PATH = "/api/v1/subscriptions/unsubscribe?token=";
    /** Unsubscribe links work for years: an old email must still be able to stop the next. */
    private static final Duration UNSUBSCRIBE_VALIDITY = Duration.ofDays(3650);

    private final JavaMailSender mail;
    private final EmailRenderer renderer;
    private final EmailLinks links;
    private final EmailSettings settings;
    private final PublicUrlSettings urls;
    private final Clock clock;

    public EmailSender(JavaMailSender mail, EmailRenderer renderer, EmailLinks links, EmailSettings settings,
                       PublicUrlSettings urls, Clock clock) {
        this.mail = mail;
        this.renderer = renderer;
        this.links = links;
        this.settings = settings;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * Sends the confirmation email of a subscription waiting for it.
     *
     * @param traceId the attempt's trace id, or null
     */
    public AttemptResult sendConfirmation(UUID deliveryId, String traceId, SubscriptionId subscription, String to) {
        Instant now = clock.instant();
        String confirm = urls.url(CONFIRM_PATH + links.token(EmailLinks.Purpose.CONFIRM, subscription, now.plus(settings.confirmationValidity())));
        String unsubscribe = unsubscribeUrl(subscription, now);
        return send(deliveryId, traceId, to, renderer.confirmation(confirm, unsubscribe), unsubscribe);
    }

    /**
     * Sends the notification of an incident or maintenance event.
     *
     * @param traceId the attempt's trace id, or null
     */
    public AttemptResult sendNotification(UUID deliveryId, String traceId, SubscriptionId subscription, String to, SitrepEvent event) {
        String unsubscribe = unsubscribeUrl(subscription, clock.instant());
        return send(deliveryId, traceId, to, renderer.notification(event, unsubscribe), unsubscribe);
    }

    private String unsubscribeUrl(SubscriptionId subscription, Instant now) {
        return urls.url(UNSUBSCRIBE_PATH + links.token(EmailLinks.Purpose.UNSUBSCRIBE, subscription, now.plus(UNSUBSCRIBE_VALIDITY)));
    }

    private AttemptResult send(UUID deliveryId, String traceId, String to, RenderedEmail email, String unsubscribeUrl) {
        long started = System.nanoTime();
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("X-Sitrep-Delivery-Id", deliveryId.toString());
            if (traceId != null) {
                message.setHeader("X-Sitrep-Trace-Id", traceId);
            }
            mail.send(message);
            return AttemptResult.accepted(Duration.ofNanos(System.nanoTime() - started));
        } catch (MailException | MessagingException e) {
            return AttemptResult.error(describe(e), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * What an attempt's error says of an SMTP failure, without any email address: SMTP servers and JavaMail quote the
     * recipient ("550 5.1.1 &lt;someone@example.com&gt;: Recipient address rejected"), and errors reach the delivery API,
     * span tags and delivery events.
     */
    static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String redacted = ADDRESS.matcher(message).replaceAll("(address)").replaceAll("\\s+", " ").strip();
        String described = "SMTP: " + redacted;
        return described.length() > MAX_ERROR_LENGTH ? described.substring(0, MAX_ERROR_LENGTH) : described;
    }
}
