package io.sitrep.notification.email;

import io.sitrep.notification.template.Template;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An email's MIME form made once for all its recipients: its {@code Subject} header encoded and folded, and its
 * {@code multipart/alternative} body of a text and an HTML part (RFC 2046), each in its transfer encoding, into which
 * each mail encodes only its recipient's own values (the unsubscribe and manage links). Immutable and thread-safe.
 */
final class EncodedEmail {

    private final String subjectHeader;
    private final String contentType;
    private final byte[] delimiter;
    private final byte[] closeDelimiter;
    private final TextPart text;
    private final TextPart html;

    private EncodedEmail(String subject, List<String> text, List<String> html, List<String> textSlots, List<String> htmlSlots,
                         UnaryOperator<String> textEscaper, UnaryOperator<String> htmlEscaper) {
        try {
            // As Jakarta Mail's setSubject stores it: encoded words where needed, folded after "Subject: ".
            this.subjectHeader = MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null));
            String type = new MimeMultipart("alternative").getContentType();
            String boundary = new ContentType(type).getParameter("boundary");
            this.contentType = type;
            this.delimiter = ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII);
            this.closeDelimiter = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            this.text = new TextPart("plain", text, textSlots, textEscaper, boundary);
            this.html = new TextPart("html", html, htmlSlots, htmlEscaper, boundary);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("a multipart of UTF-8 text is always possible", e);
        }
    }

    /** A notification's email, with slots for each recipient's own links. */
    static EncodedEmail of(String subject, Template.Prepared text, Template.Prepared html) {
        return new EncodedEmail(subject, text.literals(), html.literals(), text.slots(), html.slots(), text::escape, html::escape);
    }

    /** An email for one recipient, rendered whole. */
    static EncodedEmail of(RenderedEmail email) {
        return new EncodedEmail(email.subject(), List.of(email.text()), List.of(email.html()), List.of(), List.of(),
                UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * A message of this email with {@code values} (by slot name, unescaped) in place: subject, MIME version and body
     * set; the addresses and the other headers are the caller's.
     */
    ReadyMessage message(Session session, Map<String, String> values) throws MessagingException {
        MailBytes body = new MailBytes(text.size() + html.size() + 512);
        body.put(delimiter);
        text.writeTo(body, values);
        body.put(delimiter);
        html.writeTo(body, values);
        body.put(closeDelimiter);
        return new ReadyMessage(session, subjectHeader, contentType, body.toArray());
    }
}
