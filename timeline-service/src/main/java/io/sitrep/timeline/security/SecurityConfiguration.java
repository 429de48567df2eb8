package io.sitrep.timeline.security;

import io.sitrep.support.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the key check in front of everything. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    FilterRegistrationBean<AccessFilter> accessFilter(AccessSettings settings, ProblemWriter problems) {
        AccessFilter filter = new AccessFilter(settings, problems);
        if (!filter.adminConfigured()) {
            log.warn("No admin key is configured (sitrep.timeline.admin-key-sha256 or SITREP_ADMIN_KEY): the admin API refuses every request");
        }
        FilterRegistrationBean<AccessFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
