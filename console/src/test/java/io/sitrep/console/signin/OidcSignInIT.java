package io.sitrep.console.signin;

import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.sitrep.console.Browserless.location;
import static org.assertj.core.api.Assertions.assertThat;

/** OpenID Connect sign-in end to end, against a real OpenID Connect provider in this JVM. */
class OidcSignInIT extends ConsoleIntegrationTest {

    private static final String ISSUER = "company";
    private static final MockOAuth2Server PROVIDER = started();

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.company.client-id", () -> "console");
        registry.add(prefix + "registration.company.client-secret", () -> "console-secret");
        registry.add(prefix + "registration.company.client-name", () -> "Company sign-in");
        registry.add(prefix + "registration.company.scope", () -> "openid,profile");
        registry.add(prefix + "provider.company.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @Test
    void offersTheProviderOnTheSignInScreen() {
        HttpResponse<String> screen = browser().get("/sign-in");

        assertThat(screen.body()).contains("href=\"/oauth2/authorization/company\"", "Sign in with Company sign-in");
    }

    @Test
    void signsInThroughTheProviderWithTheRoleAndNameItsTokenGives() {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "subject-olivia", "JWT", List.of("console"),
                Map.of("preferred_username", "olivia", "roles", List.of("viewer", "responder")), 3600));
        Browserless person = browser();

        HttpResponse<String> now = signInThroughProvider(person);

        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(now.body()).contains("olivia (responder)", "id=\"open-incident\"");
    }

    @Test
    void givesTheDefaultRoleWhenTheTokenListsNone() {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "subject-vic", "JWT", List.of("console"),
                Map.of("preferred_username", "vic"), 3600));
        Browserless person = browser();

        HttpResponse<String> now = signInThroughProvider(person);

        assertThat(now.body()).contains("vic (viewer)").doesNotContain("id=\"open-incident\"");
        assertThat(person.post("/incidents", Map.of("title", "x", "message", "y")).statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> signInThroughProvider(Browserless person) {
        HttpResponse<String> toProvider = person.get("/oauth2/authorization/company");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(PROVIDER.issuerUrl(ISSUER).toString());

        HttpResponse<String> backToConsole = person.get(authorize);
        assertThat(backToConsole.statusCode()).isEqualTo(302);
        HttpResponse<String> callback = person.get(backToConsole.headers().firstValue("Location").orElseThrow());
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(location(callback)).isEqualTo("/");
        return person.get("/");
    }
}
