package io.sitrep.notification.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.sitrep.notification.subscription.SigningSecret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Our signatures are what the Standard Webhooks reference library expects. */
class WebhookSignatureTest {

    private final SecureRandom random = new SecureRandom();
    private final byte[] body = "{\"type\":\"incident.opened\",\"data\":{\"title\":\"Ünïcode — fine\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theReferenceLibraryVerifiesOurSignature() throws Exception {
        SigningSecret secret = SigningSecret.generate(random);
        long now = Instant.now().getEpochSecond();

        String signature = WebhookSignature.sign("a8c31f57-62d9-4b0e-8f4a-d07e5b9c1236", now, body, List.of(secret));

        assertThat(signature).startsWith("v1,");
        assertThat(signature).isEqualTo(new Webhook(secret.value()).sign("a8c31f57-62d9-4b0e-8f4a-d07e5b9c1236", now,
                new String(body, StandardCharsets.UTF_8)));
        assertThatNoException().isThrownBy(() -> new Webhook(secret.value()).verify(new String(body, StandardCharsets.UTF_8),
                headers("a8c31f57-62d9-4b0e-8f4a-d07e5b9c1236", now, signature)));
    }

    @Test
    void duringARotationEitherSecretVerifiesAndNoOtherDoes() {
        SigningSecret next = SigningSecret.generate(random);
        SigningSecret previous = SigningSecret.generate(random);
        long now = Instant.now().getEpochSecond();

        String signature = WebhookSignature.sign("msg_1", now, body, List.of(next, previous));

        assertThat(signature.split(" ")).hasSize(2);
        for (SigningSecret secret : List.of(next, previous)) {
            assertThatNoException().isThrownBy(() -> new Webhook(secret.value()).verify(new String(body, StandardCharsets.UTF_8),
                    headers("msg_1", now, signature)));
        }
        assertThatExceptionOfType(WebhookVerificationException.class).isThrownBy(() -> new Webhook(SigningSecret.generate(random).value())
                .verify(new String(body, StandardCharsets.UTF_8), headers("msg_1", now, signature)));
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)), "webhook-signature", List.of(signature));
    }
}
