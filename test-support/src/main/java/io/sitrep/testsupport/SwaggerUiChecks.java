package io.sitrep.testsupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service's Swagger UI must do: open to anyone, under a policy its own scripts run under; calls still need a key. */
public final class SwaggerUiChecks {

    private SwaggerUiChecks() {
    }

    /**
     * Views Swagger UI without a key (its page, a script of it, its configuration), then calls {@code keyedPath}
     * without a key.
     *
     * @param anonymous a client that sends no key
     * @param keyedPath an operation that needs a key, e.g. {@code /api/v1/incidents}
     */
    public static void assertPublicToViewWhileCallsNeedAKey(Api anonymous, String keyedPath) {
        Api.Response redirect = anonymous.get("/swagger-ui.html");
        Api.Response page = anonymous.get("/swagger-ui/index.html").expect(200);
        Api.Response script = anonymous.get("/swagger-ui/swagger-initializer.js").expect(200);
        JsonNode config = anonymous.get("/v3/api-docs/swagger-config").expect(200).json();
        Api.Response call = anonymous.get(keyedPath);

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).endsWith("/swagger-ui/index.html");
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui-bundle.js").contains("swagger-initializer.js");
        // Scripts from the service itself only, as everywhere; Swagger UI sets inline styles as it renders.
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self';").contains("style-src 'self' 'unsafe-inline';")
                .contains("frame-ancestors 'none'");
        assertThat(script.body()).contains("/v3/api-docs/swagger-config");
        assertThat(config.get("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(call.status()).isEqualTo(401);
        assertThat(call.header("Content-Security-Policy")).contains("style-src 'self';").doesNotContain("unsafe-inline");
    }
}
