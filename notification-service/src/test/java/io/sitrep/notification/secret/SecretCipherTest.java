package io.sitrep.notification.secret;

import io.sitrep.notification.subscription.EmailLinks;
import io.sitrep.notification.subscription.SigningSecret;
import io.sitrep.notification.subscription.SubscriptionId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTest {

    private final SecureRandom random = new SecureRandom();
    private final SecretCipher cipher = SecretCipher.ofBase64(Base64.getEncoder().encodeToString(new byte[32]), random);

    @Test
    void aSecretDecryptsForItsOwnerOnly() {
        SigningSecret secret = SigningSecret.generate(random);
        UUID owner = UUID.randomUUID();

        byte[] stored = cipher.encrypt(secret.key(), owner);

        assertThat(SigningSecret.ofKey(cipher.decrypt(stored, owner))).isEqualTo(secret);
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(stored, UUID.randomUUID()));
        assertThat(cipher.encrypt(secret.key(), owner)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        SigningSecret secret = SigningSecret.generate(random);
        UUID owner = UUID.randomUUID();
        byte[] other = new byte[32];
        other[0] = 1;

        byte[] stored = cipher.encrypt(secret.key(), owner);

        assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(other, random).decrypt(stored, owner))
                .withMessageContaining("SITREP_SECRET_KEY");
    }

    @Test
    void theKeyMustBe32Bytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> SecretCipher.ofBase64(Base64.getEncoder().encodeToString(new byte[16]), random));
        assertThatIllegalArgumentException().isThrownBy(() -> SecretCipher.ofBase64("not base64 !", random));
    }

    @Test
    void anEmailLinkTokenWorksForItsPurposeUntilItExpires() {
        EmailLinks links = new EmailLinks(cipher);
        SubscriptionId id = new SubscriptionId(UUID.randomUUID());
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        String token = links.token(EmailLinks.Purpose.CONFIRM, id, now.plus(Duration.ofDays(7)));

        assertThat(links.verify(EmailLinks.Purpose.CONFIRM, token, now)).contains(id);
        assertThat(links.verify(EmailLinks.Purpose.UNSUBSCRIBE, token, now)).isEmpty();
        assertThat(links.verify(EmailLinks.Purpose.CONFIRM, token, now.plus(Duration.ofDays(8)))).isEmpty();
        assertThat(links.verify(EmailLinks.Purpose.CONFIRM, token.substring(1), now)).isEmpty();
        assertThat(new EmailLinks(new SecretCipher(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, random)).verify(EmailLinks.Purpose.CONFIRM, token, now)).isEmpty();
    }
}
