package io.sitrep.notification.email;

import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

class EmailSenderTest {

    // Security hardening: an SMTP failure's message quotes the recipient, and attempt errors reach the API, spans and events.
    @Test
    void anSmtpFailureIsDescribedWithoutAnyEmailAddress() {
        Exception rejected = new MailSendException("Failed messages", new SendFailedException(
                "550 5.1.1 <Someone.Else+tag@Example.COM>: Recipient address rejected;\n  nested: other@example.org"));
        Exception quoted = new MailSendException("Invalid Addresses: someone@example.com, \"x\"@example.net");

        String first = EmailSender.describe(rejected);
        String second = EmailSender.describe(quoted);

        assertThat(first).startsWith("SMTP: ").doesNotContain("@").doesNotContain("Someone").doesNotContain("\n");
        assertThat(second).isEqualTo("SMTP: Invalid Addresses: (address) (address)").doesNotContain("@");
        assertThat(EmailSender.describe(new MailSendException("x".repeat(1000)))).hasSize(300);
    }
}
