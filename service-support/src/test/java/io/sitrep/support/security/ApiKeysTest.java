package io.sitrep.support.security;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    private static final String INCIDENTS_WRITE = "incidents:write";
    private static final String COMPONENTS_WRITE = "components:write";

    private static final String CI_KEY = "ci-pipeline-key";
    /** SHA-256 of {@link #CI_KEY}, computed outside Java ({@code printf ci-pipeline-key | sha256sum}). */
    private static final String CI_KEY_SHA256 = "a9c0980da0b80d2210241f23395843d434c47a56995fa322e5f68807a9447d0c";

    private static final SecuritySettings.RateLimit RATE_LIMIT = new SecuritySettings.RateLimit(200, Duration.ofSeconds(1));

    private static SecuritySettings settings(List<SecuritySettings.ApiKey> keys, String bootstrapKey) {
        return new SecuritySettings(keys, bootstrapKey, RATE_LIMIT, "'none'", "'self'");
    }

    private static SecuritySettings.ApiKey ciKey(String sha256, Set<String> scopes) {
        return new SecuritySettings.ApiKey("ci", sha256, scopes, "", null);
    }

    @Nested
    class Authenticating {

        @Test
        void authenticatesAConfiguredKeyByItsSha256() {
            ApiKeys keys = new ApiKeys(settings(List.of(ciKey(CI_KEY_SHA256, Set.of("incidents:write"))), ""));

            Optional<ApiPrincipal> principal = keys.authenticate(CI_KEY);

            assertThat(principal).contains(new ApiPrincipal("ci", Set.of(INCIDENTS_WRITE)));
        }

        @Test
        void authenticatesAKeyConfiguredWithAnUpperCaseSha256() {
            ApiKeys keys = new ApiKeys(settings(List.of(ciKey(CI_KEY_SHA256.toUpperCase(Locale.ROOT), Set.of())), ""));

            Optional<ApiPrincipal> principal = keys.authenticate(CI_KEY);

            assertThat(principal).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("ci"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"wrong-key", "ci-pipeline-key ", "CI-PIPELINE-KEY", "", CI_KEY_SHA256})
        void doesNotAuthenticateAWrongKey(String presented) {
            ApiKeys keys = new ApiKeys(settings(List.of(ciKey(CI_KEY_SHA256, Set.of("admin"))), ""));

            Optional<ApiPrincipal> principal = keys.authenticate(presented);

            assertThat(principal).isEmpty();
        }

        @Test
        void theBootstrapKeyGetsEveryScope() {
            ApiKeys keys = new ApiKeys(settings(List.of(), "bootstrap-secret"));

            Optional<ApiPrincipal> principal = keys.authenticate("bootstrap-secret");

            assertThat(principal).contains(new ApiPrincipal("bootstrap", Set.of(ApiPrincipal.ADMIN)));
        }

        @Test
        void theBootstrapKeyWorksAlongsideConfiguredKeys() {
            ApiKeys keys = new ApiKeys(settings(List.of(ciKey(CI_KEY_SHA256, Set.of("components:write"))), "bootstrap-secret"));

            Optional<ApiPrincipal> ci = keys.authenticate(CI_KEY);
            Optional<ApiPrincipal> bootstrap = keys.authenticate("bootstrap-secret");

            assertThat(ci).hasValueSatisfying(p -> assertThat(p.scopes()).containsExactly(COMPONENTS_WRITE));
            assertThat(bootstrap).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("bootstrap"));
        }

        @Test
        void aKeyWithoutScopesIsReadOnly() {
            ApiKeys keys = new ApiKeys(settings(List.of(ciKey(CI_KEY_SHA256, Set.of())), ""));

            ApiPrincipal principal = keys.authenticate(CI_KEY).orElseThrow();

            assertThat(principal.scopes()).isEmpty();
            assertThat(List.of(INCIDENTS_WRITE, COMPONENTS_WRITE, ApiPrincipal.ADMIN)).noneMatch(principal::may);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void aBlankBootstrapKeyConfiguresNoKey(String bootstrapKey) {
            ApiKeys keys = new ApiKeys(settings(List.of(), bootstrapKey));

            boolean empty = keys.isEmpty();

            assertThat(empty).isTrue();
            assertThat(keys.authenticate(bootstrapKey)).isEmpty();
        }

        @Test
        void sha256IsTheLowerCaseHexDigest() {
            String digest = ApiKeys.sha256("abc");

            assertThat(digest).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
    }

    @Nested
    class Authorising {

        @ParameterizedTest
        @ValueSource(strings = {INCIDENTS_WRITE, COMPONENTS_WRITE, "subscriptions:write"})
        void adminMayDoEverything(String scope) {
            ApiPrincipal admin = new ApiPrincipal("ops", Set.of(ApiPrincipal.ADMIN));

            boolean may = admin.may(scope);

            assertThat(may).isTrue();
        }

        @Test
        void aPrincipalWithoutAdminMayOnlyWhatItsScopesAllow() {
            ApiPrincipal writer = new ApiPrincipal("ci", Set.of(INCIDENTS_WRITE));

            boolean incidents = writer.may(INCIDENTS_WRITE);
            boolean components = writer.may(COMPONENTS_WRITE);
            boolean admin = writer.may(ApiPrincipal.ADMIN);

            assertThat(incidents).isTrue();
            assertThat(components).isFalse();
            assertThat(admin).isFalse();
        }

        @Test
        void aPrincipalKeepsItsOwnCopyOfTheScopes() {
            Set<String> scopes = new HashSet<>(Set.of(COMPONENTS_WRITE));
            ApiPrincipal principal = new ApiPrincipal("ci", scopes);

            scopes.add(ApiPrincipal.ADMIN);

            assertThat(principal.may(INCIDENTS_WRITE)).isFalse();
        }
    }
}
