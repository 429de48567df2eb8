package io.sitrep.notification.email;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Email notifications; the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from                 the sender address of every email; without a name of its own, the status page's name shows
 *                             as the sender's
 * @param confirmationValidity how long a confirmation link works
 * @param concurrency          the most emails sent at once (the SMTP bulkhead), each over an SMTP session of its own
 * @param messagesPerSession   the most emails sent over one SMTP session before it is closed and a new one opened
 * @param sessionIdleTimeout   how long an SMTP session is kept open without an email to send; shorter than the server's timeout
 * @param confirmationsPerHour the most confirmation emails one address is sent in an hour, over all its subscriptions
 * @param timeZone             the status page's time zone (an IANA id such as {@code Europe/Berlin}): maintenance emails
 *                             give their window in UTC and in it
 * @param domain               the domain of {@code Message-ID} and {@code List-Id} headers; empty for the host of
 *                             {@code sitrep.notification.public-base-url}
 */
@Validated
@ConfigurationProperties("sitrep.notification.email")
public record EmailSettings(
        @DefaultValue("notifications@sitrep.localhost") @NotBlank String from,
        @DefaultValue("7d") @NotNull Duration confirmationValidity,
        @DefaultValue("8") @Min(1) @Max(64) int concurrency,
        @DefaultValue("100") @Min(1) @Max(10000) int messagesPerSession,
        @DefaultValue("10s") @NotNull Duration sessionIdleTimeout,
        @DefaultValue("3") @Min(1) @Max(100) int confirmationsPerHour,
        @DefaultValue("UTC") @NotNull ZoneId timeZone,
        @DefaultValue("") @NotNull @jakarta.validation.constraints.Pattern(regexp = "^$|^[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*$",
                message = "must be a domain name") String domain) {

    public EmailSettings {
        if (sessionIdleTimeout != null && (sessionIdleTimeout.compareTo(Duration.ofMillis(100)) < 0
                || sessionIdleTimeout.compareTo(Duration.ofMinutes(5)) > 0)) {
            throw new IllegalArgumentException("sitrep.notification.email.session-idle-timeout must be between 100ms and 5m, was "
                    + sessionIdleTimeout);
        }
    }
}
