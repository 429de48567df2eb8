package io.sitrep.console.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The client of the services. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

    @Bean
    SitrepApi sitrepApi(ApiSettings settings, ObjectMapper json) {
        if (settings.key().isBlank()) {
            log.warn("No API key for the services (SITREP_CONSOLE_API_KEY): every screen will show the services' refusal");
        }
        return new SitrepApi(settings, json);
    }
}
