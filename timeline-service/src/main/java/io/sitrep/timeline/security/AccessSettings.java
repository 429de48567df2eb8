package io.sitrep.timeline.security;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Who may call the API.
 *
 * @param adminKeySha256 the hex SHA-256 of the admin key, which {@code /api/v1/admin/**} requires; empty for none
 * @param adminKey       the admin key in plain text, from the environment only ({@code SITREP_ADMIN_KEY}, else
 *                       {@code SITREP_API_KEY}); empty for none
 * @param publicReads    whether reading needs no key; when false every path but the actuator needs a read key or the admin key
 * @param readKeysSha256 the hex SHA-256 of each key that may read when reads are not public
 */
@Validated
@ConfigurationProperties("sitrep.timeline")
public record AccessSettings(
        @DefaultValue("") @Pattern(regexp = "^([0-9a-fA-F]{64})?$", message = "must be the 64 hex digits of a SHA-256") String adminKeySha256,
        @DefaultValue("") String adminKey,
        @DefaultValue("true") boolean publicReads,
        @DefaultValue List<@Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be the 64 hex digits of a SHA-256") String> readKeysSha256) {

    @Override
    public String toString() {
        return "AccessSettings[adminKeySha256=" + (adminKeySha256.isEmpty() ? "none" : "set") + ", adminKey="
                + (adminKey.isEmpty() ? "none" : "set") + ", publicReads=" + publicReads + ", readKeys=" + readKeysSha256.size() + "]";
    }
}
