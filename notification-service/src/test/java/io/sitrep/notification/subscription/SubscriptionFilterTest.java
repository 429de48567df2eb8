package io.sitrep.notification.subscription;

import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.notification.Incidents;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SubscriptionFilterTest {

    private final IncidentOpened majorOnApi = Incidents.opened("api", Impact.MAJOR);

    @Test
    void anEmptyFilterMatchesEveryIncidentEvent() {
        SubscriptionFilter filter = SubscriptionFilter.all();

        assertThat(filter.matches(majorOnApi)).isTrue();
    }

    @Test
    void componentsMatchWhenTheIncidentAffectsOneOfThem() {
        assertThat(new SubscriptionFilter(Set.of("db", "api"), Set.of(), null).matches(majorOnApi)).isTrue();
        assertThat(new SubscriptionFilter(Set.of("db"), Set.of(), null).matches(majorOnApi)).isFalse();
    }

    @Test
    void eventTypesMatchOnlyTheirTypes() {
        IncidentUpdated update = Incidents.identified(majorOnApi);
        SubscriptionFilter updatesOnly = new SubscriptionFilter(Set.of(), Set.of(EventType.INCIDENT_UPDATED), null);

        assertThat(updatesOnly.matches(update)).isTrue();
        assertThat(updatesOnly.matches(majorOnApi)).isFalse();
    }

    @Test
    void aMinimumImpactLetsThroughThatImpactAndWorse() {
        assertThat(new SubscriptionFilter(Set.of(), Set.of(), Impact.MAJOR).matches(majorOnApi)).isTrue();
        assertThat(new SubscriptionFilter(Set.of(), Set.of(), Impact.CRITICAL).matches(majorOnApi)).isFalse();
        assertThat(new SubscriptionFilter(Set.of(), Set.of(), Impact.MINOR).matches(majorOnApi)).isTrue();
    }

    @Test
    void onlyIncidentEventTypesCanBeSubscribedTo() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionFilter(Set.of(), Set.of(EventType.COMPONENT_DEFINED), null));
    }

    @Test
    void aSigningSecretIsNeverShownByToString() {
        SigningSecret secret = SigningSecret.generate(new java.security.SecureRandom());

        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
        assertThat(SigningSecret.parse(secret.value())).isEqualTo(secret);
        assertThat(secret.value()).startsWith("whsec_");
    }
}
