package io.sitrep.notification.email;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.Enumeration;

/**
 * A MIME message whose body is encoded already ({@link EncodedEmail}): saving its changes leaves the body as it is
 * (nothing to choose or encode again) and keeps a {@code Message-ID} it was given, and it is written out, headers and
 * body, in one write, so that the SMTP stream gets whole lines to normalise and dot-stuff rather than a byte at a time.
 * Its headers are Jakarta Mail's, set and folded as on any message; it parses back like any message read from a stream.
 * Its body cannot be replaced.
 */
final class ReadyMessage extends MimeMessage {

    /**
     * @param subjectHeader the {@code Subject} header's value, encoded and folded
     * @param contentType   the {@code Content-Type} of the body, with its parameters
     * @param body          the body in its transfer encoding, lines ending in CRLF
     */
    ReadyMessage(Session session, String subjectHeader, String contentType, byte[] body) throws MessagingException {
        super(session);
        content = body;
        setHeader("Subject", subjectHeader);
        setHeader("MIME-Version", "1.0");
        setHeader("Content-Type", contentType);
    }

    /** What saving changes does to every message, but the body's headers stay those it was encoded with. */
    @Override
    protected synchronized void updateHeaders() throws MessagingException {
        setHeader("MIME-Version", "1.0");
        if (getHeader("Date") == null) {
            setSentDate(new Date());
        }
        updateMessageID();
    }

    /** A Message-ID given (the delivery's, the same on every attempt) is kept; only a message without one gets one. */
    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }

    @Override
    public synchronized void setDataHandler(DataHandler dh) throws MessagingException {
        throw new IllegalStateException("the body of this message is encoded already");
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        if (!saved) {
            saveChanges();
        }
        MailBytes out = new MailBytes(content.length + 1024);
        Enumeration<String> lines = getNonMatchingHeaderLines(ignoreList);
        while (lines.hasMoreElements()) {
            out.put(lines.nextElement());
            out.crlf();
        }
        out.crlf();
        out.put(content);
        os.write(out.array(), 0, out.length());
        os.flush();
    }
}
