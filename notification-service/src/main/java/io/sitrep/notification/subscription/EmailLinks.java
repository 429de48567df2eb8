package io.sitrep.notification.subscription;

import io.sitrep.notification.secret.SecretCipher;
import io.sitrep.notification.subscription.SubscriptionId;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens of the confirmation, unsubscribe and manage links: the subscription id, an expiry and a purpose,
 * signed with a key derived from {@code SITREP_SECRET_KEY}. Signed rather than random and stored, so
 * that every email can carry a working unsubscribe link without keeping a secret per email.
 */
public final class EmailLinks {

    /** What a token allows. */
    public enum Purpose {
        CONFIRM((byte) 1),
        UNSUBSCRIBE((byte) 2),
        /** The manage page: change the components, or unsubscribe. */
        MANAGE((byte) 3);

        private final byte code;

        Purpose(byte code) {
            this.code = code;
        }
    }

    private static final int MAC_BYTES = 16;

    private final SecretCipher cipher;

    public EmailLinks(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** A token for the subscription, good until {@code expiresAt}. */
    public String token(Purpose purpose, SubscriptionId id, Instant expiresAt) {
        ByteBuffer body = ByteBuffer.allocate(1 + 16 + 8)
                .put(purpose.code)
                .putLong(id.value().getMostSignificantBits())
                .putLong(id.value().getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        byte[] mac = Arrays.copyOf(cipher.linkMac(body.array()), MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(body.capacity() + MAC_BYTES)
                .put(body.array()).put(mac).array());
    }

    /** The subscription a token names, if it is genuine, for this purpose, and not expired at {@code now}. */
    public Optional<SubscriptionId> verify(Purpose purpose, String token, Instant now) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != 1 + 16 + 8 + MAC_BYTES || raw[0] != purpose.code) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(cipher.linkMac(body), MAC_BYTES))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(body, 1, body.length - 1);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        if (now.getEpochSecond() >= buffer.getLong()) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionId(id));
    }
}
