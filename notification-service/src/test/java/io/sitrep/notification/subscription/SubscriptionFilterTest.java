package io.sitrep.notification.subscription;

import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceUpdated;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.Visibility;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.Maintenances;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    // Issue 13: an alert's internal incident reached every subscriber, alert and host names included.
    @Test
    void anInternalIncidentMatchesOnlyAFilterThatIncludesInternalIncidents() {
        IncidentOpened internal = majorOnApi.withActor("alerts");
        IncidentOpened hidden = new IncidentOpened(internal.eventId(), internal.incidentId(), 1, internal.occurredAt(), internal.publishedAt(),
                internal.update(), withVisibility(internal.incident(), Visibility.INTERNAL), "alerts");

        assertThat(SubscriptionFilter.all().matches(hidden)).isFalse();
        assertThat(new SubscriptionFilter(Set.of(), Set.of(), null, true).matches(hidden)).isTrue();
        assertThat(new SubscriptionFilter(Set.of(), Set.of(), null, true).matches(majorOnApi)).isTrue();
    }

    @Test
    void aPublishCountsAsAnOpeningForPublicSubscriptionsOnly() throws Exception {
        SitrepEvent published = new EventCodec().decode(EventType.INCIDENT_PUBLISHED.wireName(), GoldenSamples.sample(EventType.INCIDENT_PUBLISHED));
        Set<EventType> openings = Set.of(EventType.INCIDENT_OPENED);

        assertThat(new SubscriptionFilter(Set.of(), openings, null).matches(published)).isTrue();
        assertThat(new SubscriptionFilter(Set.of(), openings, null, true).matches(published)).isFalse();
        assertThat(new SubscriptionFilter(Set.of(), Set.of(EventType.INCIDENT_PUBLISHED), null, true).matches(published)).isTrue();
        assertThat(new SubscriptionFilter(Set.of(), Set.of(EventType.INCIDENT_UPDATED), null).matches(published)).isFalse();
    }

    @Test
    void correctionsMatchOnlyFiltersThatNameThem() throws Exception {
        EventCodec codec = new EventCodec();
        for (EventType type : SubscriptionFilter.CORRECTION_TYPES) {
            SitrepEvent correction = codec.decode(type.wireName(), GoldenSamples.sample(type));

            assertThat(SubscriptionFilter.all().matches(correction)).as(type.wireName()).isFalse();
            assertThat(new SubscriptionFilter(Set.of(), Set.of(EventType.INCIDENT_UPDATED), null).matches(correction)).isFalse();
            assertThat(new SubscriptionFilter(Set.of(), Set.of(type), null).matches(correction)).as(type.wireName()).isTrue();
        }
    }

    private static IncidentSnapshot withVisibility(IncidentSnapshot s, Visibility visibility) {
        return new IncidentSnapshot(s.id(), s.title(), s.status(), s.impact(), s.components(), s.createdAt(), s.updatedAt(),
                s.resolvedAt(), s.version(), visibility);
    }

    @Test
    void aMinimumImpactLetsThroughThatImpactAndWorse() {
        assertThat(new SubscriptionFilter(Set.of(), Set.of(), Impact.MAJOR).matches(majorOnApi)).isTrue();
        assertThat(new SubscriptionFilter(Set.of(), Set.of(), Impact.CRITICAL).matches(majorOnApi)).isFalse();
        assertThat(new SubscriptionFilter(Set.of(), Set.of(), Impact.MINOR).matches(majorOnApi)).isTrue();
    }

    @Test
    void onlyIncidentAndMaintenanceEventTypesCanBeSubscribedTo() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionFilter(Set.of(), Set.of(EventType.COMPONENT_DEFINED), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionFilter(Set.of(), Set.of(EventType.DELIVERY_FAILING), null));
        assertThat(new SubscriptionFilter(Set.of(), SubscriptionFilter.MAINTENANCE_TYPES, null).eventTypes())
                .hasSize(6).allMatch(t -> t.wireName().startsWith("maintenance."));
    }

    @Test
    void anEmptyFilterMatchesEveryMaintenanceEvent() {
        SubscriptionFilter filter = SubscriptionFilter.all();

        List<MaintenanceEvent> window = maintenanceOn("api");

        assertThat(window).allMatch(filter::matches);
    }

    @Test
    void aComponentFilterExcludesOtherComponentsWindows() {
        SubscriptionFilter apiOnly = new SubscriptionFilter(Set.of("api"), Set.of(), null);

        List<MaintenanceEvent> onApi = maintenanceOn("api");
        List<MaintenanceEvent> onDb = maintenanceOn("db");

        assertThat(onApi).allMatch(apiOnly::matches);
        assertThat(onDb).noneMatch(apiOnly::matches);
    }

    @Test
    void aWindowWithoutComponentsReachesOnlySubscriptionsToEveryComponent() {
        MaintenanceScheduled nowhere = Maintenances.scheduled("Office move", List.of(), Instant.parse("2030-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T01:00:00Z"));

        boolean toAll = SubscriptionFilter.all().matches(nowhere);
        boolean toApi = new SubscriptionFilter(Set.of("api"), Set.of(), null).matches(nowhere);

        assertThat(toAll).isTrue();
        assertThat(toApi).isFalse();
    }

    @Test
    void maintenanceEventTypesMatchOnlyTheirTypes() {
        SubscriptionFilter remindersOnly = new SubscriptionFilter(Set.of(), Set.of(EventType.MAINTENANCE_REMINDER), null);
        SubscriptionFilter incidentsOnly = new SubscriptionFilter(Set.of(), SubscriptionFilter.INCIDENT_TYPES, null);

        List<MaintenanceEvent> window = maintenanceOn("api");

        assertThat(window.stream().filter(remindersOnly::matches).map(MaintenanceEvent::type)).containsExactly(EventType.MAINTENANCE_REMINDER);
        assertThat(window).noneMatch(incidentsOnly::matches);
        assertThat(new SubscriptionFilter(Set.of(), Set.of(EventType.MAINTENANCE_SCHEDULED), null).matches(majorOnApi)).isFalse();
    }

    @Test
    void aMinimumImpactAboveNoneLetsMaintenanceThroughOnlyForTypesItNames() {
        SubscriptionFilter majorOnly = new SubscriptionFilter(Set.of(), Set.of(), Impact.MAJOR);
        SubscriptionFilter majorAndStarts = new SubscriptionFilter(Set.of(), Set.of(EventType.INCIDENT_OPENED,
                EventType.MAINTENANCE_STARTED), Impact.MAJOR);
        SubscriptionFilter anyImpact = new SubscriptionFilter(Set.of(), Set.of(), Impact.NONE);

        List<MaintenanceEvent> window = maintenanceOn("api");

        assertThat(window).noneMatch(majorOnly::matches);
        assertThat(window.stream().filter(majorAndStarts::matches).map(MaintenanceEvent::type)).containsExactly(EventType.MAINTENANCE_STARTED);
        assertThat(majorAndStarts.matches(majorOnApi)).isTrue();
        assertThat(window).allMatch(anyImpact::matches);
    }

    @Test
    void eventsThatNotifyNobodyMatchNoFilter() throws Exception {
        SitrepEvent changed = new EventCodec().decode(EventType.COMPONENT_STATUS_CHANGED.wireName(),
                GoldenSamples.sample(EventType.COMPONENT_STATUS_CHANGED));

        boolean matched = SubscriptionFilter.all().matches(changed);

        assertThat(matched).isFalse();
        assertThat(SubscriptionFilter.notifies(changed)).isFalse();
        assertThat(SubscriptionFilter.notifies(majorOnApi)).isTrue();
        assertThat(SubscriptionFilter.notifies(Maintenances.scheduled("api"))).isTrue();
    }

    /** Every event of one window on a component: scheduled, updated, rescheduled, reminder, started, completed, and a cancelled one. */
    private static List<MaintenanceEvent> maintenanceOn(String component) {
        MaintenanceScheduled scheduled = Maintenances.scheduled(component);
        MaintenanceUpdated updated = Maintenances.updated(scheduled, "We will also restart the replicas.");
        MaintenanceUpdated rescheduled = Maintenances.rescheduled(updated, Duration.ofHours(1));
        MaintenanceReminder reminder = Maintenances.reminder(rescheduled);
        MaintenanceStarted started = Maintenances.started(reminder);
        return List.of(scheduled, updated, rescheduled, reminder, started, Maintenances.completed(started),
                Maintenances.cancelled(Maintenances.scheduled(component)));
    }

    @Test
    void aSigningSecretIsNeverShownByToString() {
        SigningSecret secret = SigningSecret.generate(new java.security.SecureRandom());

        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
        assertThat(SigningSecret.parse(secret.value())).isEqualTo(secret);
        assertThat(secret.value()).startsWith("whsec_");
    }
}
