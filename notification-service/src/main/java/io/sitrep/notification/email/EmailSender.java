package io.sitrep.notification.email;

import io.sitrep.notification.subscription.EmailLinks;

import io.sitrep.events.SitrepEvent;
import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.subscription.SubscriptionId;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.springframework.mail.MailException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Sends one email attempt over SMTP and reports what it got; blocking, so the dispatcher runs it on
 * its own small pool, over one of the {@link SmtpSessions} kept open for several messages. Every notification carries a signed "Manage your subscription" link; every email an unsubscribe link and the {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post} headers of RFC 8058, so mail clients offer one-click unsubscribe.
 * Every email names the status page (sender and subject), is {@code Auto-Submitted: auto-generated} (RFC 3834), has
 * a {@code List-Id} (RFC 2919) and a {@code Message-ID} in the public domain, and is a plain
 * {@code multipart/alternative} of text and HTML. The delivery id and, when there is one, the trace id of the attempt are headers too
 * ({@code X-Sitrep-Delivery-Id}, {@code X-Sitrep-Trace-Id}): an email can be found in the logs and traces.
 */
public final class EmailSender {

    /** Anything with an @ in an error message: an address, however quoted. */
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("\\S*@\\S*");
    private static final int MAX_ERROR_LENGTH = 300;

    static final String CONFIRM_PATH = "/api/v1/subscriptions/confirm?token=";
    static final String UNSUBSCRIBE_PATH = "/api/v1/subscriptions/unsubscribe?token=";
    static final String MANAGE_PATH = "/api/v1/subscriptions/manage?token=";
    /** Unsubscribe links work for years: an old email must still be able to stop the next. */
    private static final Duration UNSUBSCRIBE_VALIDITY = Duration.ofDays(3650);

    private final SmtpSessions mail;
    private final EmailRenderer renderer;
    private final EmailLinks links;
    private final EmailSettings settings;
    private final PublicUrlSettings urls;
    private final Clock clock;
    /** The sender and the List-Id, made at the first email and only read after that. */
    private volatile InternetAddress from;
    private volatile String listId;

    public EmailSender(SmtpSessions mail, EmailRenderer renderer, EmailLinks links, EmailSettings settings,
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
     * @param traceId    the attempt's trace id, or null
     * @param components the components the subscription chose; empty for all
     */
    public AttemptResult sendConfirmation(UUID deliveryId, String traceId, SubscriptionId subscription, String to,
                                          java.util.Set<String> components) {
        return sendConfirmation(deliveryId, traceId, subscription, to, components, null);
    }

    /**
     * Sends the confirmation email of a subscription waiting for it; of a webhook subscribed from the status page when
     * {@code webhook} (its origin) is given, to its contact address.
     */
    public AttemptResult sendConfirmation(UUID deliveryId, String traceId, SubscriptionId subscription, String to,
                                          java.util.Set<String> components, String webhook) {
        Instant now = clock.instant();
        String confirm = urls.url(CONFIRM_PATH + links.token(EmailLinks.Purpose.CONFIRM, subscription, now.plus(settings.confirmationValidity())));
        String unsubscribe = unsubscribeUrl(subscription, now);
        return send(deliveryId, traceId, to, EncodedEmail.of(renderer.confirmation(confirm, unsubscribe, components, webhook)), Map.of(),
                unsubscribe);
    }

    /** Tells a webhook's contact address that the webhook ({@code webhook}: its origin) was disabled, and why. */
    public AttemptResult sendDisabledNotice(UUID deliveryId, String traceId, SubscriptionId subscription, String to, String webhook,
                                            String reason) {
        String unsubscribe = unsubscribeUrl(subscription, clock.instant());
        return send(deliveryId, traceId, to, EncodedEmail.of(renderer.disabledNotice(webhook, reason)), Map.of(), unsubscribe);
    }

    /**
     * Sends the notification of an incident or maintenance event.
     *
     * @param traceId the attempt's trace id, or null
     */
    public AttemptResult sendNotification(UUID deliveryId, String traceId, SubscriptionId subscription, String to, SitrepEvent event) {
        return sendNotification(deliveryId, traceId, subscription, to, renderer.prepareNotification(event, true));
    }

    /**
     * Sends the notification of an event, rendered once for all its recipients ({@link PreparedEmails}), with this
     * recipient's own unsubscribe and manage links.
     *
     * @param traceId the attempt's trace id, or null
     */
    public AttemptResult sendNotification(UUID deliveryId, String traceId, SubscriptionId subscription, String to, PreparedEmail email) {
        Instant now = clock.instant();
        String unsubscribe = unsubscribeUrl(subscription, now);
        String manage = urls.url(MANAGE_PATH + links.token(EmailLinks.Purpose.MANAGE, subscription, now.plus(UNSUBSCRIBE_VALIDITY)));
        return send(deliveryId, traceId, to, email.encoded(), email.links(unsubscribe, manage), unsubscribe);
    }

    private String unsubscribeUrl(SubscriptionId subscription, Instant now) {
        return urls.url(UNSUBSCRIBE_PATH + links.token(EmailLinks.Purpose.UNSUBSCRIBE, subscription, now.plus(UNSUBSCRIBE_VALIDITY)));
    }

    /** Sends {@code email} with this recipient's {@code values} (its links) encoded into it. */
    private AttemptResult send(UUID deliveryId, String traceId, String to, EncodedEmail email, Map<String, String> values,
                               String unsubscribeUrl) {
        long started = System.nanoTime();
        try {
            // Subject and body come encoded once per email; the headers are those Spring's MimeMessageHelper wrote, without it.
            // Nothing is attached: a plain multipart/alternative, which every client shows as one message.
            MimeMessage message = email.message(mail.session(), values);
            message.setFrom(from());
            message.setRecipient(Message.RecipientType.TO, recipient(to));
            // The delivery id: the same on every attempt, so a mail sent twice after a lost answer is recognisably one.
            message.setHeader("Message-ID", "<" + deliveryId + "@" + domain() + ">");
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("List-Id", cachedListId());
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

    /** One address, as Spring's helper took it: exactly one, its personal name (if any) encoded in UTF-8. */
    private static InternetAddress recipient(String to) throws MessagingException {
        InternetAddress[] parsed = InternetAddress.parse(to);
        if (parsed.length != 1) {
            throw new AddressException("Illegal address", to);
        }
        try {
            return new InternetAddress(parsed[0].getAddress(), parsed[0].getPersonal(), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("every JVM has UTF-8", e);
        }
    }

    /** The sender, made once: the same for every email, and its encoded name costs a lookup of Jakarta Mail's each time. */
    private InternetAddress from() throws MessagingException {
        InternetAddress made = from;
        if (made == null) {
            made = sender();
            from = made;
        }
        return made;
    }

    /** The sender: {@code email.from}, named after the status page unless it has a name of its own. */
    private InternetAddress sender() throws MessagingException {
        InternetAddress from = new InternetAddress(settings.from(), true);
        if (from.getPersonal() == null || from.getPersonal().isBlank()) {
            try {
                from.setPersonal(renderer.page().name(), "UTF-8");
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException("every JVM has UTF-8", e);
            }
        }
        return from;
    }

    /** The domain of Message-IDs and List-Id: {@code email.domain}, else the host of the public base URL. */
    String domain() {
        return settings.domain().isEmpty() ? urls.publicBaseUrl().getHost() : settings.domain();
    }

    private String cachedListId() {
        String made = listId;
        if (made == null) {
            made = listId();
            listId = made;
        }
        return made;
    }

    /** RFC 2919: the page's name, and a list id under the public domain. */
    String listId() {
        String name = renderer.page().name().replace("\\", "").replace("\"", "").replace('\r', ' ').replace('\n', ' ');
        String phrase;
        try {
            phrase = MimeUtility.encodeText(name, "UTF-8", "Q");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("every JVM has UTF-8", e);
        }
        return (phrase.equals(name) ? "\"" + name + "\"" : phrase) + " <notifications." + domain() + ">";
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
