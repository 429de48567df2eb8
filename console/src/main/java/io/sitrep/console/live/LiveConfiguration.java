package io.sitrep.console.live;

import io.sitrep.console.api.ApiSettings;
import io.sitrep.console.api.SitrepApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The browsers' side of live Now, and the console's one connection to timeline-service's stream. */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    Browsers liveBrowsers(LiveSettings settings) {
        return new Browsers(settings);
    }

    @Bean
    @ConditionalOnProperty(name = "sitrep.console.live.enabled", havingValue = "true", matchIfMissing = true)
    TimelineStream timelineStream(ApiSettings api, LiveSettings settings, Browsers browsers) {
        return new TimelineStream(api.timelineUrl(), api.key(), api.connectTimeout(), settings.reconnectDelay(), browsers);
    }

    @Bean
    @ConditionalOnProperty(name = "sitrep.console.live.enabled", havingValue = "true", matchIfMissing = true)
    TriageWatch triageWatch(SitrepApi api, LiveSettings settings, Browsers browsers) {
        return new TriageWatch(api, settings.triageInterval(), browsers);
    }
}
