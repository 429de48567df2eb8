package io.sitrep.notification.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The key that encrypts webhook signing secrets in the database.
 *
 * @param key the base64 of 32 random bytes (AES-256), from {@code SITREP_SECRET_KEY}; the service
 *            does not start without it. Losing it makes the stored secrets unusable: every webhook
 *            subscription then needs a secret rotation.
 */
@Validated
@ConfigurationProperties("sitrep.notification.secrets")
public record SecretSettings(@DefaultValue("") String key) {

    @Override
    public String toString() {
        return "SecretSettings[key=" + (key.isEmpty() ? "none" : "set") + "]";
    }
}
