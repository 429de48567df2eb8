package io.sitrep.timeline.page;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: branding settings are validated (colour, URLs, a bounded list of footer links). */
class PageSettingsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theDefaultsAreValid() {
        assertThat(VALIDATOR.validate(settings("#0550ae", "", List.of(), "http://localhost:8082/api/v1/public/subscriptions"))).isEmpty();
    }

    @Test
    void anAccentColourMustBeSixHexDigits() {
        assertThat(paths(settings("red", "", List.of(), ""))).containsExactly("accentColor");
        assertThat(paths(settings("#12345", "", List.of(), ""))).containsExactly("accentColor");
        assertThat(paths(settings("#12ab34", "", List.of(), ""))).isEmpty();
    }

    @Test
    void aLogoAndTheSubscribeUrlAreHttpUrlsOrEmpty() {
        assertThat(paths(settings("#12ab34", "javascript:alert(1)", List.of(), "ftp://x"))).containsExactlyInAnyOrder("logoUrl", "subscribeUrl");
        assertThat(paths(settings("#12ab34", "https://cdn.example/logo.png", List.of(), ""))).isEmpty();
    }

    @Test
    void footerLinksAreBoundedAndEachIsValid() {
        List<PageSettings.FooterLink> eleven = Collections.nCopies(11, new PageSettings.FooterLink("Help", "https://help.example/"));
        List<PageSettings.FooterLink> bad = List.of(new PageSettings.FooterLink("", "javascript:alert(1)"));

        assertThat(paths(settings("#12ab34", "", eleven, ""))).containsExactly("footerLinks");
        assertThat(paths(settings("#12ab34", "", bad, ""))).containsExactlyInAnyOrder("footerLinks[0].label", "footerLinks[0].url");
        assertThat(paths(settings("#12ab34", "", List.of(new PageSettings.FooterLink("Terms", "/terms")), ""))).isEmpty();
    }

    @Test
    void anEmptySubscribeUrlMeansNoForm() {
        assertThat(settings("#12ab34", "", List.of(), "").subscribable()).isFalse();
        assertThat(settings("#12ab34", "", List.of(), "https://notify.example/api/v1/public/subscriptions").subscribable()).isTrue();
    }

    private static PageSettings settings(String accent, String logo, List<PageSettings.FooterLink> links, String subscribeUrl) {
        return new PageSettings("sitrep", "Sitrep", "http://localhost:8083", 14, 50, false, ZoneId.of("UTC"), logo, accent, links, subscribeUrl,
                Duration.ofSeconds(10));
    }

    private static List<String> paths(PageSettings settings) {
        Set<ConstraintViolation<PageSettings>> violations = VALIDATOR.validate(settings);
        return violations.stream().map(violation -> violation.getPropertyPath().toString()).toList();
    }
}
