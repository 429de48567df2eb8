package io.sitrep.notification.selfservice.web;

import io.sitrep.notification.selfservice.SelfService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15: the rules of a public subscription's fields, the same for JSON and the form. */
class PublicFieldsTest {

    @Test
    void anEmailRequestKeepsTheAddressWithItsDomainLowerCasedAndTheComponents() {
        SelfService.Request request = PublicFields.request("  Someone@Example.COM ", List.of("api", "db", "api"), "", null, null);

        assertThat(request.email()).isEqualTo("Someone@example.com");
        assertThat(request.components()).containsExactlyInAnyOrder("api", "db");
        assertThat(request.webhookUrl()).isNull();
    }

    @Test
    void aWebhookRequestNeedsItsContactAndNoEmail() {
        SelfService.Request request = PublicFields.request(null, null, null, "https://hooks.example.com/x", "ops@example.com");

        assertThat(request.webhookUrl()).isEqualTo("https://hooks.example.com/x");
        assertThat(request.contactEmail()).isEqualTo("ops@example.com");
        assertThat(rejected(null, null, null, "https://hooks.example.com/x", null)).isEqualTo("contactEmail");
        assertThat(rejected("a@example.com", null, null, "https://hooks.example.com/x", "ops@example.com")).isEqualTo("email");
        assertThat(rejected("a@example.com", null, null, null, "ops@example.com")).isEqualTo("contactEmail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a b@example.com", "<a@example.com>", "a@example.com\nBcc: b@example.com",
            "a@exam_ple.com", "\"quoted\"@example.com", "a@-example.com", "a\u200B@example.com"})
    void anAddressThatIsNotOneIsRefusedNamingEmail(String address) {
        assertThat(rejected(address, null, null, null, null)).isEqualTo("email");
    }

    @Test
    void tooLongFieldsAndControlCharactersAreRefusedByName() {
        assertThat(rejected("a".repeat(64) + "@" + ("b".repeat(50) + ".").repeat(4) + "com", null, null, null, null))
                .isEqualTo("email");
        assertThat(rejected("a@example.com", null, "x".repeat(201), null, null)).isEqualTo("website");
        assertThat(rejected("a@example.com", null, "a\u0000", null, null)).isEqualTo("website");
        assertThat(rejected(null, null, null, "https://hooks.example.com/" + "x".repeat(2000), "ops@example.com")).isEqualTo("webhookUrl");
        assertThat(rejected(null, null, null, "https://hooks.example.com/\u0007", "ops@example.com")).isEqualTo("webhookUrl");
    }

    @Test
    void componentsMustBeIdsAndAtMostAHundred() {
        assertThat(rejected("a@example.com", List.of("api", "Not An Id"), null, null, null)).isEqualTo("components[1]");
        assertThat(rejected("a@example.com", Collections.singletonList(null), null, null, null)).isEqualTo("components[0]");
        assertThat(rejected("a@example.com", Collections.nCopies(101, "api"), null, null, null)).isEqualTo("components");
    }

    private static String rejected(String email, List<String> components, String website, String webhookUrl, String contactEmail) {
        try {
            PublicFields.request(email, components, website, webhookUrl, contactEmail);
        } catch (PublicFields.Rejected e) {
            return e.field();
        }
        throw new AssertionError("accepted: " + email);
    }

    @Test
    void aMissingAddressIsNamed() {
        assertThatThrownBy(() -> PublicFields.request(null, null, null, null, null))
                .isInstanceOf(PublicFields.Rejected.class).hasMessageContaining("required");
    }
}
