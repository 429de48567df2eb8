package io.sitrep.timeline.page;

import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The page's renderer over the precompiled jte templates ({@code gg.jte.use-precompiled-templates}). */
@Configuration(proxyBeanMethods = false)
class PageConfiguration {

    @Bean
    PageRenderer pageRenderer(TemplateEngine templateEngine, PageSettings page, MeterRegistry registry) {
        return new PageRenderer(templateEngine, page, registry);
    }
}
