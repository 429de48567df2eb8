package io.sitrep.notification.subscription;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A webhook signing secret in the Standard Webhooks form {@code whsec_<base64 of the key>}; the HMAC
 * key is the decoded part. {@link #toString()} never shows it.
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    private final byte[] key;

    private SigningSecret(byte[] key) {
        this.key = key.clone();
    }

    /** A new random secret. */
    public static SigningSecret generate(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new SigningSecret(key);
    }

    /** The secret of its raw key bytes. */
    public static SigningSecret ofKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 24) {
            throw new IllegalArgumentException("a signing key needs at least 24 bytes");
        }
        return new SigningSecret(key);
    }

    /** Parses {@code whsec_…}. */
    public static SigningSecret parse(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
        }
        return ofKey(Base64.getDecoder().decode(value.substring(PREFIX.length())));
    }

    /** The HMAC-SHA256 key. */
    public byte[] key() {
        return key.clone();
    }

    /** The secret as shown to the subscriber once: {@code whsec_…}. */
    public String value() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "SigningSecret[hidden]";
    }
}
