package io.sitrep.notification.selfservice;

import io.sitrep.support.web.ClientAddresses;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Subscriptions from the status page, without a key: the abuse limits. Over a limit the answer stays the same and
 * nothing is sent.
 *
 * @param requestsPerAddressPerHour the most requests one email address (the subscriber's or a webhook's contact) is
 *                                  admitted in an hour, over every client
 * @param requestsPerClientPerHour  the most requests one client address is admitted in an hour
 * @param trustedProxies            addresses or CIDR blocks of the proxies whose {@code X-Forwarded-For} names the
 *                                  client; empty: the peer is the client
 */
@Validated
@ConfigurationProperties("sitrep.notification.public-subscriptions")
public record SelfServiceSettings(
        @DefaultValue("5") @Min(1) @Max(1000) int requestsPerAddressPerHour,
        @DefaultValue("50") @Min(1) @Max(100_000) int requestsPerClientPerHour,
        @DefaultValue List<String> trustedProxies) {

    public SelfServiceSettings {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        // Refuses at start-up what is not an IP address or a CIDR block.
        new ClientAddresses(trustedProxies);
    }
}
