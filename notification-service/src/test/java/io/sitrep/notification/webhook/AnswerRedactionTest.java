package io.sitrep.notification.webhook;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerRedactionTest {

    private static final URI TARGET = URI.create("https://hooks.example.com/services/T000/B000/XXXXSECRETPATH?token=abc123");

    @Test
    void keepsAnOrdinaryAnswerAsItIs() {
        assertThat(AnswerRedaction.redact("{\"ok\":false,\"error\":\"rate limited\"}", TARGET))
                .isEqualTo("{\"ok\":false,\"error\":\"rate limited\"}");
    }

    @Test
    void redactsTheTargetsPathAndQueryWhenTheReceiverEchoesThem() {
        String answer = AnswerRedaction.redact("no route for POST /services/T000/B000/XXXXSECRETPATH?token=abc123", TARGET);

        assertThat(answer).doesNotContain("XXXXSECRETPATH").doesNotContain("abc123").contains("[redacted]");
    }

    @Test
    void redactsSecretsSignaturesCredentialsAndAddresses() {
        String answer = AnswerRedaction.redact("secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw sig v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= "
                + "auth Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig mail ops@example.com", TARGET);

        assertThat(answer).doesNotContain("MfKQ9r8", "g0hM9SsE", "eyJhbGci", "ops@example.com")
                .contains("whsec_[redacted]", "v1,[redacted]", "Bearer [redacted]");
    }

    @Test
    void replacesNulWhichTheDatabaseCannotStore() {
        assertThat(AnswerRedaction.redact("a\u0000b", TARGET)).isEqualTo("a\uFFFDb");
    }

    @Test
    void anEmptyAnswerIsNone() {
        assertThat(AnswerRedaction.redact("", TARGET)).isNull();
    }
}
