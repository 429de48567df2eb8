package io.sitrep.notification.email;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EmailSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void thePagesTimeZoneIsUtcUnlessSet() {
        context.run(c -> assertThat(c.getBean(EmailSettings.class).timeZone().normalized()).isEqualTo(ZoneOffset.UTC));
    }

    @Test
    void thePagesTimeZoneIsAnIanaId() {
        context.withPropertyValues("sitrep.notification.email.time-zone=Europe/Berlin")
                .run(c -> assertThat(c.getBean(EmailSettings.class).timeZone()).isEqualTo(ZoneId.of("Europe/Berlin")));
    }

    @Test
    void aTimeZoneThatDoesNotExistStopsTheServiceNamingTheProperty() {
        context.withPropertyValues("sitrep.notification.email.time-zone=Mars/Olympus_Mons").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).hasStackTraceContaining("sitrep.notification.email.time-zone");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmailSettings.class)
    static class Settings {
    }
}
