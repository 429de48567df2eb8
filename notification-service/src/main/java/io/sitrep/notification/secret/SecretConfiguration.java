package io.sitrep.notification.secret;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;

/** Wires the secret cipher; the service refuses to start without a key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretSettings.class)
class SecretConfiguration {

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    SecretCipher secretCipher(SecretSettings settings, SecureRandom random) {
        if (settings.key().isBlank()) {
            throw new IllegalStateException("No secret key: set SITREP_SECRET_KEY (sitrep.notification.secrets.key) to the base64 of "
                    + "32 random bytes, e.g. `head -c 32 /dev/urandom | base64`. It encrypts webhook signing secrets at rest.");
        }
        return SecretCipher.ofBase64(settings.key(), random);
    }
}
