package io.sitrep.notification.secret;


import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Encrypts signing secrets and chat webhook URLs for the database with AES-256-GCM, bound to the subscription they belong
 * to (its id is the associated data, so a secret copied to another row does not decrypt), and derives
 * the keys of the email link tokens from the same master key. Thread-safe.
 *
 * <p>Stored form: one version byte (1), a 12-byte nonce, then the ciphertext with its 16-byte tag.
 */
public final class SecretCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final byte[] linkKey;
    private final SecureRandom random;

    public SecretCipher(byte[] masterKey, SecureRandom random) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (the base64 of 32 random bytes), was " + masterKey.length);
        }
        this.key = new SecretKeySpec(derive(masterKey, "sitrep secrets v1"), "AES");
        this.linkKey = derive(masterKey, "sitrep email links v1");
        this.random = random;
    }

    /** From the base64 of the key, as configured. */
    public static SecretCipher ofBase64(String masterKey, SecureRandom random) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(masterKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret key is not base64", e);
        }
        return new SecretCipher(bytes, random);
    }

    /** Encrypts a key (a webhook's signing secret) for the subscription that owns it. */
    public byte[] encrypt(byte[] key, UUID owner) {
        return seal(key, owner);
    }

    /** Encrypts a chat webhook URL (the URL is the credential) for the subscription that owns it. */
    public byte[] encryptText(String text, UUID owner) {
        return seal(text.getBytes(StandardCharsets.UTF_8), owner);
    }

    /** @throws IllegalStateException when the data was not encrypted with this key for this owner */
    public String decryptText(byte[] stored, UUID owner) {
        return new String(open(stored, owner), StandardCharsets.UTF_8);
    }

    private byte[] seal(byte[] plain, UUID owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(owner));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalStateException when the data was not encrypted with this key for this owner */
    public byte[] decrypt(byte[] stored, UUID owner) {
        return open(stored, owner);
    }

    private byte[] open(byte[] stored, UUID owner) {
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("a stored secret has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(aad(owner));
            return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret does not decrypt with the configured key (was SITREP_SECRET_KEY changed?)", e);
        }
    }

    /** An HMAC-SHA256 under the link key, for signed email link tokens. */
    public byte[] linkMac(byte[] data) {
        return hmac(linkKey, data);
    }

    private static byte[] aad(UUID owner) {
        return ByteBuffer.allocate(16).putLong(owner.getMostSignificantBits()).putLong(owner.getLeastSignificantBits()).array();
    }

    private static byte[] derive(byte[] masterKey, String purpose) {
        return hmac(masterKey, purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
