package io.sitrep.notification.notice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the status page's settings and the notices made for it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageSettings.class)
class NoticeConfiguration {

    @Bean
    Notices notices(PageSettings page) {
        return new Notices(page);
    }
}
