package io.sitrep.timeline.security;

import io.sitrep.support.security.AccessRules;
import io.sitrep.support.security.ApiKeys;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.SecurityAutoConfiguration.ServiceKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * timeline-service's keys and rules on top of the shared Spring Security setup: its admin key and
 * read keys, and the public reads (the status page, its assets, the read API, the stream, the feed).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The scope of a read key: it may read when reads are not public, and nothing else. */
    static final String READ = "timeline:read";

    /** What anyone may read when reads are public. */
    static final String[] PUBLIC_READS = {"/", "/incidents/*", "/assets/**", "/favicon.ico", "/feed.atom", "/history.rss", "/history", "/history/*", "/fragments/**",
            "/api/v1/incidents", "/api/v1/incidents/**", "/api/v1/maintenances", "/api/v1/maintenances/**",
            "/api/v1/components", "/api/v1/components/**",
            "/api/v1/status", "/api/v1/stream", "/api/v2/**"};

    @Bean
    ServiceKeys timelineKeys(AccessSettings settings) {
        Map<String, ApiPrincipal> keys = new LinkedHashMap<>();
        if (!settings.adminKeySha256().isBlank()) {
            keys.put(settings.adminKeySha256().toLowerCase(Locale.ROOT), new ApiPrincipal("admin", Set.of(ApiPrincipal.ADMIN)));
        }
        if (!settings.adminKey().isBlank()) {
            keys.putIfAbsent(ApiKeys.sha256(settings.adminKey().strip()), new ApiPrincipal("admin-from-environment", Set.of(ApiPrincipal.ADMIN)));
        }
        int reader = 0;
        for (String hash : settings.readKeysSha256()) {
            keys.putIfAbsent(hash.toLowerCase(Locale.ROOT), new ApiPrincipal("reader-" + ++reader, Set.of(READ)));
        }
        if (keys.values().stream().noneMatch(p -> p.may(ApiPrincipal.ADMIN))) {
            log.warn("No admin key is configured (sitrep.timeline.admin-key-sha256 or SITREP_ADMIN_KEY): the admin API refuses every request");
        }
        return new ServiceKeys(keys);
    }

    /** Reads are public unless configured otherwise; then every read needs a read key or the admin key. */
    @Bean
    AccessRules timelineReads(AccessSettings settings) {
        return requests -> {
            if (settings.publicReads()) {
                requests.requestMatchers(PUBLIC_READS).permitAll();
            }
        };
    }
}
