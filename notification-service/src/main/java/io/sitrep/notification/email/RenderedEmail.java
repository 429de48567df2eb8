package io.sitrep.notification.email;

/** An email ready to send: its subject and its plain-text and HTML bodies. */
public record RenderedEmail(String subject, String text, String html) {
}
