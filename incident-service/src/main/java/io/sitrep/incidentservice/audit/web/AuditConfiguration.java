package io.sitrep.incidentservice.audit.web;

import io.sitrep.incidentservice.audit.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** Records every command of the API in the audit log. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    WebMvcConfigurer auditTrail(AuditLog audit, Clock clock) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuditInterceptor(audit, clock)).addPathPatterns("/api/**");
            }
        };
    }
}
