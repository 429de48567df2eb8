package io.sitrep.incidentservice.incident;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEdited;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentPublished;
import io.sitrep.events.IncidentReopened;
import io.sitrep.events.IncidentResolved;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdateEdited;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.Postmortem;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.events.Visibility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static io.sitrep.incidentservice.incident.IncidentFixtures.NOW;
import static io.sitrep.incidentservice.incident.IncidentFixtures.NOW_IN_MICROS;
import static io.sitrep.incidentservice.incident.IncidentFixtures.OPENED_AT;
import static io.sitrep.incidentservice.incident.IncidentFixtures.OPENING_IMPACT;
import static io.sitrep.incidentservice.incident.IncidentFixtures.RESOLVED_AT;
import static io.sitrep.incidentservice.incident.IncidentFixtures.TITLE;
import static io.sitrep.incidentservice.incident.IncidentFixtures.aReopening;
import static io.sitrep.incidentservice.incident.IncidentFixtures.aReopeningOccurredAt;
import static io.sitrep.incidentservice.incident.IncidentFixtures.aResolution;
import static io.sitrep.incidentservice.incident.IncidentFixtures.aResolutionOccurredAt;
import static io.sitrep.incidentservice.incident.IncidentFixtures.aResolvedIncident;
import static io.sitrep.incidentservice.incident.IncidentFixtures.aResolvedIncidentWithPostmortem;
import static io.sitrep.incidentservice.incident.IncidentFixtures.anInternalIncident;
import static io.sitrep.incidentservice.incident.IncidentFixtures.anOpenIncident;
import static io.sitrep.incidentservice.incident.IncidentFixtures.anOpenIncidentAffecting;
import static io.sitrep.incidentservice.incident.IncidentFixtures.anUpdate;
import static io.sitrep.incidentservice.incident.IncidentFixtures.anUpdateOccurredAt;
import static io.sitrep.incidentservice.incident.IncidentFixtures.component;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentTest {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration ONE_MICRO = Duration.ofNanos(1_000);

    static Stream<IncidentStatus> openStatuses() {
        return IncidentFixtures.openStatuses();
    }

    /** Every (from, to) pair of open statuses, the same status included. */
    static Stream<Arguments> openStatusPairs() {
        return openStatuses().flatMap(from -> openStatuses().map(to -> Arguments.of(from, to)));
    }

    @Nested
    class Opening {

        @Test
        void opensAsInvestigatingWithNoImpactWhenNeitherIsGiven() {
            OpenIncident command = new OpenIncident(TITLE, null, null, "Looking into it.", null);

            Incident.Opening opening = Incident.open(command, List.of(), NOW);

            assertThat(opening.incident().status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(opening.incident().snapshot().impact()).isEqualTo(Impact.NONE);
            assertThat(opening.event().update().status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(opening.event().update().impact()).isEqualTo(Impact.NONE);
        }

        @ParameterizedTest
        @MethodSource("io.sitrep.incidentservice.incident.IncidentTest#openStatuses")
        void opensInTheGivenOpenStatus(IncidentStatus status) {
            OpenIncident command = new OpenIncident(TITLE, status, Impact.MINOR, "Looking into it.", null);

            Incident.Opening opening = Incident.open(command, List.of(), NOW);

            assertThat(opening.incident().status()).isEqualTo(status);
            assertThat(opening.incident().snapshot().impact()).isEqualTo(Impact.MINOR);
            assertThat(opening.event().update().status()).isEqualTo(status);
        }

        @Test
        void rejectsOpeningAsResolved() {
            OpenIncident command = new OpenIncident(TITLE, IncidentStatus.RESOLVED, null, "Already fixed.", null);

            assertThatIllegalArgumentException().isThrownBy(() -> Incident.open(command, List.of(), NOW));
        }

        @Test
        void openingYieldsIncidentOpenedAtVersionOne() {
            OpenIncident command = new OpenIncident(TITLE, IncidentStatus.IDENTIFIED, Impact.CRITICAL, "Database is down.", null);

            Incident.Opening opening = Incident.open(command, List.of(), NOW);

            IncidentOpened event = opening.event();
            Incident incident = opening.incident();
            assertThat(incident.version()).isEqualTo(1);
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.incidentId()).isEqualTo(incident.id().value());
            assertThat(event.occurredAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.publishedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.update().status()).isEqualTo(IncidentStatus.IDENTIFIED);
            assertThat(event.update().previousStatus()).isNull();
            assertThat(event.update().impact()).isEqualTo(Impact.CRITICAL);
            assertThat(event.update().previousImpact()).isNull();
            assertThat(event.update().message()).isEqualTo("Database is down.");
            assertThat(event.incident()).isEqualTo(incident.snapshot());
        }

        @Test
        void snapshotOfANewIncidentIsOpenAndUnresolved() {
            OpenIncident command = new OpenIncident(TITLE, null, Impact.MAJOR, "Looking into it.", null);

            IncidentSnapshot snapshot = Incident.open(command, List.of(), NOW).incident().snapshot();

            assertThat(snapshot.title()).isEqualTo(TITLE);
            assertThat(snapshot.status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(snapshot.impact()).isEqualTo(Impact.MAJOR);
            assertThat(snapshot.createdAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(snapshot.updatedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(snapshot.resolvedAt()).isNull();
            assertThat(snapshot.version()).isEqualTo(1);
            assertThat(snapshot.components()).isEmpty();
        }

        @Test
        void openingBackfillsOccurredAtAsTheTimeTheIncidentBegan() {
            Instant began = NOW.minus(Duration.ofHours(2));
            OpenIncident command = new OpenIncident(TITLE, null, null, "Noticed late.", began);

            Incident.Opening opening = Incident.open(command, List.of(), NOW);

            assertThat(opening.event().occurredAt()).isEqualTo(NOW_IN_MICROS.minus(Duration.ofHours(2)));
            assertThat(opening.event().publishedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(opening.incident().snapshot().createdAt()).isEqualTo(NOW_IN_MICROS.minus(Duration.ofHours(2)));
            assertThat(opening.incident().snapshot().updatedAt()).isEqualTo(NOW_IN_MICROS);
        }

        @Test
        void listsOnlyComponentsWhoseStatusChangesButAffectsAllNamedOnes() {
            ComponentStatusChange changed = component("api", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL);
            ComponentStatusChange unchanged = component("db", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.DEGRADED_PERFORMANCE);
            OpenIncident command = new OpenIncident(TITLE, null, null, "API is down.", null);

            Incident.Opening opening = Incident.open(command, List.of(changed, unchanged), NOW);

            assertThat(opening.event().update().componentChanges()).containsExactly(
                    new ComponentChange("api", "Component api", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL));
            assertThat(opening.event().incident().components()).containsExactly(
                    new AffectedComponent("api", "Component api", ComponentStatus.MAJOR_OUTAGE),
                    new AffectedComponent("db", "Component db", ComponentStatus.DEGRADED_PERFORMANCE));
            assertThat(opening.incident().components()).isEqualTo(opening.event().incident().components());
        }
    }

    @Nested
    class Updating {

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("io.sitrep.incidentservice.incident.IncidentTest#openStatusPairs")
        void updatesFromOneOpenStatusToAnother(IncidentStatus from, IncidentStatus to) {
            Incident incident = anOpenIncident(from);

            IncidentEvent event = incident.update(anUpdate(to), List.of(), NOW);

            assertThat(event).isInstanceOf(IncidentUpdated.class);
            IncidentUpdated updated = (IncidentUpdated) event;
            assertThat(incident.status()).isEqualTo(to);
            assertThat(updated.update().status()).isEqualTo(to);
            assertThat(updated.update().previousStatus()).isEqualTo(from);
            assertThat(updated.incident().status()).isEqualTo(to);
            assertThat(updated.incident().resolvedAt()).isNull();
            assertThat(updated.version()).isEqualTo(2);
        }

        @ParameterizedTest
        @MethodSource("io.sitrep.incidentservice.incident.IncidentTest#openStatuses")
        void updateWithoutStatusLeavesTheStatusUnchanged(IncidentStatus status) {
            Incident incident = anOpenIncident(status);

            IncidentEvent event = incident.update(anUpdate(null), List.of(), NOW);

            assertThat(event).isInstanceOf(IncidentUpdated.class);
            assertThat(incident.status()).isEqualTo(status);
            assertThat(((IncidentUpdated) event).update().status()).isEqualTo(status);
            assertThat(((IncidentUpdated) event).update().previousStatus()).isEqualTo(status);
        }

        @Test
        void updateWithoutImpactLeavesTheImpactUnchanged() {
            Incident incident = anOpenIncident();

            IncidentUpdated event = (IncidentUpdated) incident.update(anUpdate(IncidentStatus.IDENTIFIED), List.of(), NOW);

            assertThat(event.update().impact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.update().previousImpact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.incident().impact()).isEqualTo(OPENING_IMPACT);
        }

        @Test
        void updateChangesTheImpactAndRecordsThePreviousOne() {
            Incident incident = anOpenIncident();
            UpdateIncident command = new UpdateIncident(null, Impact.MINOR, "Fewer customers affected.", null);

            IncidentUpdated event = (IncidentUpdated) incident.update(command, List.of(), NOW);

            assertThat(event.update().impact()).isEqualTo(Impact.MINOR);
            assertThat(event.update().previousImpact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.update().message()).isEqualTo("Fewer customers affected.");
            assertThat(event.incident().impact()).isEqualTo(Impact.MINOR);
        }

        @Test
        void updateEventCarriesIdVersionAndTimesOfAcceptance() {
            Incident incident = anOpenIncident();

            IncidentUpdated event = (IncidentUpdated) incident.update(anUpdate(IncidentStatus.MONITORING), List.of(), NOW);

            assertThat(event.incidentId()).isEqualTo(incident.id().value());
            assertThat(event.version()).isEqualTo(2);
            assertThat(event.occurredAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.publishedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.incident()).isEqualTo(incident.snapshot());
            assertThat(event.incident().updatedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.incident().createdAt()).isEqualTo(OPENED_AT);
        }

        @Test
        void updateBackfillsOccurredAtButIsPublishedNow() {
            Incident incident = anOpenIncident();
            Instant occurredAt = OPENED_AT.plus(Duration.ofMinutes(10));

            IncidentEvent event = incident.update(anUpdateOccurredAt(occurredAt), List.of(), NOW);

            assertThat(event.occurredAt()).isEqualTo(occurredAt);
            assertThat(event.publishedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.incident().updatedAt()).isEqualTo(NOW_IN_MICROS);
        }

        @ParameterizedTest
        @MethodSource("io.sitrep.incidentservice.incident.IncidentTest#openStatuses")
        void updateWithStatusResolvedResolvesTheIncident(IncidentStatus from) {
            Incident incident = anOpenIncident(from);
            UpdateIncident command = new UpdateIncident(IncidentStatus.RESOLVED, Impact.MINOR, "Fixed.", null);

            IncidentEvent event = incident.update(command, List.of(), NOW);

            assertThat(event).isInstanceOf(IncidentResolved.class);
            IncidentResolved resolved = (IncidentResolved) event;
            assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(resolved.version()).isEqualTo(2);
            assertThat(resolved.update().status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(resolved.update().previousStatus()).isEqualTo(from);
            assertThat(resolved.update().impact()).isEqualTo(Impact.MINOR);
            assertThat(resolved.update().previousImpact()).isEqualTo(OPENING_IMPACT);
            assertThat(resolved.update().message()).isEqualTo("Fixed.");
            assertThat(resolved.incident().resolvedAt()).isEqualTo(NOW_IN_MICROS);
        }

        @Test
        void updateWithStatusResolvedAndNoImpactKeepsTheImpact() {
            Incident incident = anOpenIncident();

            IncidentResolved event = (IncidentResolved) incident.update(anUpdate(IncidentStatus.RESOLVED), List.of(), NOW);

            assertThat(event.update().impact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.incident().impact()).isEqualTo(OPENING_IMPACT);
        }

        @ParameterizedTest
        @EnumSource(IncidentStatus.class)
        @NullSource
        void rejectsUpdateOfResolvedIncident(IncidentStatus status) {
            Incident incident = aResolvedIncident();
            IncidentSnapshot before = incident.snapshot();

            assertThatThrownBy(() -> incident.update(anUpdate(status), List.of(), NOW))
                    .isInstanceOfSatisfying(IncidentAlreadyResolved.class,
                            e -> assertThat(e.rule()).isEqualTo("incident-already-resolved"));

            assertThat(incident.snapshot()).isEqualTo(before);
        }

        @Test
        void listsOnlyComponentsWhoseStatusChangesButAffectsAllNamedOnes() {
            Incident incident = anOpenIncident();
            ComponentStatusChange changed = component("api", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL);
            ComponentStatusChange unchanged = component("db", ComponentStatus.OPERATIONAL, ComponentStatus.OPERATIONAL);

            IncidentUpdated event = (IncidentUpdated) incident.update(anUpdate(null), List.of(changed, unchanged), NOW);

            assertThat(event.update().componentChanges()).containsExactly(
                    new ComponentChange("api", "Component api", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL));
            assertThat(event.incident().components()).containsExactly(
                    new AffectedComponent("api", "Component api", ComponentStatus.PARTIAL_OUTAGE),
                    new AffectedComponent("db", "Component db", ComponentStatus.OPERATIONAL));
        }

        @Test
        void keepsComponentsAffectedEarlierAndReplacesTheStatusOfNamedOnes() {
            Incident incident = anOpenIncidentAffecting(
                    component("api", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL),
                    component("db", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL));
            ComponentStatusChange recovering = component("api", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.MAJOR_OUTAGE);

            IncidentUpdated event = (IncidentUpdated) incident.update(anUpdate(IncidentStatus.MONITORING), List.of(recovering), NOW);

            assertThat(event.update().componentChanges()).containsExactly(
                    new ComponentChange("api", "Component api", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.MAJOR_OUTAGE));
            assertThat(event.incident().components()).containsExactly(
                    new AffectedComponent("api", "Component api", ComponentStatus.DEGRADED_PERFORMANCE),
                    new AffectedComponent("db", "Component db", ComponentStatus.DEGRADED_PERFORMANCE));
        }
    }

    @Nested
    class Resolving {

        @ParameterizedTest
        @MethodSource("io.sitrep.incidentservice.incident.IncidentTest#openStatuses")
        void resolvesAnOpenIncidentFromEachOpenStatus(IncidentStatus from) {
            Incident incident = anOpenIncident(from);

            IncidentResolved event = incident.resolve(aResolution(), List.of(), NOW);

            assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(event.incidentId()).isEqualTo(incident.id().value());
            assertThat(event.version()).isEqualTo(2);
            assertThat(event.update().status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(event.update().previousStatus()).isEqualTo(from);
            assertThat(event.update().impact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.update().previousImpact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.update().message()).isEqualTo("Fixed.");
        }

        @Test
        void resolutionSetsResolvedAtToNowWhenNoOccurrenceIsGiven() {
            Incident incident = anOpenIncident();

            IncidentResolved event = incident.resolve(aResolution(), List.of(), NOW);

            assertThat(event.occurredAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.publishedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(event.incident().resolvedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.incident().updatedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.incident()).isEqualTo(incident.snapshot());
        }

        @Test
        void resolutionBackfillsResolvedAt() {
            Incident incident = anOpenIncident();
            Instant fixedAt = OPENED_AT.plus(Duration.ofMinutes(20));

            IncidentResolved event = incident.resolve(aResolutionOccurredAt(fixedAt), List.of(), NOW);

            assertThat(event.occurredAt()).isEqualTo(fixedAt);
            assertThat(event.publishedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.incident().resolvedAt()).isEqualTo(fixedAt);
        }

        @Test
        void rejectsResolvingTwice() {
            Incident incident = aResolvedIncident();
            IncidentSnapshot before = incident.snapshot();

            assertThatThrownBy(() -> incident.resolve(aResolution(), List.of(), NOW))
                    .isInstanceOfSatisfying(IncidentAlreadyResolved.class,
                            e -> assertThat(e.rule()).isEqualTo("incident-already-resolved"));

            assertThat(incident.snapshot()).isEqualTo(before);
        }

        @Test
        void listsOnlyComponentsWhoseStatusChangesButAffectsAllNamedOnes() {
            Incident incident = anOpenIncidentAffecting(
                    component("api", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL),
                    component("db", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL));
            List<ComponentStatusChange> restored = List.of(
                    component("api", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE),
                    component("db", ComponentStatus.OPERATIONAL, ComponentStatus.OPERATIONAL));

            IncidentResolved event = incident.resolve(aResolution(), restored, NOW);

            assertThat(event.update().componentChanges()).containsExactly(
                    new ComponentChange("api", "Component api", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE));
            assertThat(event.incident().components()).containsExactly(
                    new AffectedComponent("api", "Component api", ComponentStatus.OPERATIONAL),
                    new AffectedComponent("db", "Component db", ComponentStatus.OPERATIONAL));
        }
    }

    @Nested
    class Reopening {

        @Test
        void reopensAResolvedIncidentAsInvestigatingByDefault() {
            Incident incident = aResolvedIncident(IncidentStatus.MONITORING);

            IncidentReopened event = incident.reopen(aReopening(null), NOW);

            assertThat(incident.status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(event.update().status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(event.update().previousStatus()).isEqualTo(IncidentStatus.RESOLVED);
        }

        @ParameterizedTest
        @MethodSource("io.sitrep.incidentservice.incident.IncidentTest#openStatuses")
        void reopensAResolvedIncidentInTheGivenOpenStatus(IncidentStatus status) {
            Incident incident = aResolvedIncident();

            IncidentReopened event = incident.reopen(aReopening(status), NOW);

            assertThat(incident.status()).isEqualTo(status);
            assertThat(event.update().status()).isEqualTo(status);
            assertThat(event.incident().status()).isEqualTo(status);
        }

        @Test
        void reopeningClearsResolvedAtAndKeepsImpactAndComponents() {
            Incident incident = anOpenIncidentAffecting(component("api", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL));
            incident.resolve(aResolution(), List.of(component("api", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE)), RESOLVED_AT);

            IncidentReopened event = incident.reopen(aReopening(IncidentStatus.IDENTIFIED), NOW);

            assertThat(event.incident().resolvedAt()).isNull();
            assertThat(event.incident().impact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.update().impact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.update().previousImpact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.update().componentChanges()).isEmpty();
            assertThat(event.incident().components()).containsExactly(
                    new AffectedComponent("api", "Component api", ComponentStatus.OPERATIONAL));
        }

        @Test
        void reopenEventCarriesIdVersionAndTimesOfAcceptance() {
            Incident incident = aResolvedIncident();

            IncidentReopened event = incident.reopen(aReopening(null), NOW);

            assertThat(event.incidentId()).isEqualTo(incident.id().value());
            assertThat(event.version()).isEqualTo(3);
            assertThat(event.occurredAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.publishedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.update().message()).isEqualTo("It is back.");
            assertThat(event.incident()).isEqualTo(incident.snapshot());
        }

        @Test
        void reopeningBackfillsOccurredAt() {
            Incident incident = aResolvedIncident();
            Instant brokeAgainAt = RESOLVED_AT.plus(Duration.ofMinutes(10));

            IncidentReopened event = incident.reopen(aReopeningOccurredAt(brokeAgainAt), NOW);

            assertThat(event.occurredAt()).isEqualTo(brokeAgainAt);
            assertThat(event.publishedAt()).isEqualTo(NOW_IN_MICROS);
        }

        @ParameterizedTest
        @MethodSource("io.sitrep.incidentservice.incident.IncidentTest#openStatuses")
        void rejectsReopeningAnOpenIncident(IncidentStatus status) {
            Incident incident = anOpenIncident(status);
            IncidentSnapshot before = incident.snapshot();

            assertThatThrownBy(() -> incident.reopen(aReopening(null), NOW))
                    .isInstanceOfSatisfying(IncidentNotResolved.class,
                            e -> assertThat(e.rule()).isEqualTo("incident-not-resolved"));

            assertThat(incident.snapshot()).isEqualTo(before);
        }

        @Test
        void rejectsReopeningAsResolved() {
            Incident incident = aResolvedIncident();
            IncidentSnapshot before = incident.snapshot();

            assertThatIllegalArgumentException().isThrownBy(() -> incident.reopen(aReopening(IncidentStatus.RESOLVED), NOW));

            assertThat(incident.snapshot()).isEqualTo(before);
        }

        @Test
        void reopenedIncidentCanBeUpdatedAndResolvedAgain() {
            Incident incident = aResolvedIncident();
            incident.reopen(aReopening(null), NOW);

            IncidentEvent updated = incident.update(anUpdate(IncidentStatus.IDENTIFIED), List.of(), NOW.plusSeconds(60));
            IncidentResolved resolved = incident.resolve(aResolution(), List.of(), NOW.plusSeconds(120));

            assertThat(updated).isInstanceOf(IncidentUpdated.class);
            assertThat(resolved.update().previousStatus()).isEqualTo(IncidentStatus.IDENTIFIED);
            assertThat(resolved.incident().resolvedAt()).isEqualTo(NOW_IN_MICROS.plusSeconds(120));
        }
    }

    @Nested
    class PublishingPostmortem {

        @Test
        void publishesThePostmortemOfAResolvedIncidentAsRevisionOne() {
            Incident incident = aResolvedIncident();

            Optional<PostmortemPublished> event = incident.publishPostmortem("# What happened", NOW);

            assertThat(event).hasValueSatisfying(published -> {
                assertThat(published.postmortem()).isEqualTo(new Postmortem(1, "# What happened"));
                assertThat(published.incidentId()).isEqualTo(incident.id().value());
                assertThat(published.version()).isEqualTo(3);
                assertThat(published.occurredAt()).isEqualTo(NOW_IN_MICROS);
                assertThat(published.publishedAt()).isEqualTo(NOW_IN_MICROS);
                assertThat(published.incident()).isEqualTo(incident.snapshot());
                assertThat(published.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
                assertThat(published.incident().resolvedAt()).isEqualTo(RESOLVED_AT);
            });
            assertThat(incident.postmortem()).contains(new Postmortem(1, "# What happened"));
        }

        @Test
        void publishesRevisionTwoWhenTheBodyChanges() {
            Incident incident = aResolvedIncidentWithPostmortem("# What happened");

            Optional<PostmortemPublished> event = incident.publishPostmortem("# What happened, corrected", NOW);

            assertThat(event).hasValueSatisfying(published -> {
                assertThat(published.postmortem()).isEqualTo(new Postmortem(2, "# What happened, corrected"));
                assertThat(published.version()).isEqualTo(4);
            });
            assertThat(incident.postmortem()).contains(new Postmortem(2, "# What happened, corrected"));
        }

        @Test
        void yieldsNoEventWhenThePostmortemBodyIsUnchanged() {
            Incident incident = aResolvedIncidentWithPostmortem("# What happened");
            IncidentSnapshot before = incident.snapshot();

            Optional<PostmortemPublished> event = incident.publishPostmortem("# What happened", NOW);

            assertThat(event).isEmpty();
            assertThat(incident.postmortem()).contains(new Postmortem(1, "# What happened"));
            assertThat(incident.snapshot()).isEqualTo(before);
        }

        @ParameterizedTest
        @MethodSource("io.sitrep.incidentservice.incident.IncidentTest#openStatuses")
        void rejectsPostmortemOnAnOpenIncident(IncidentStatus status) {
            Incident incident = anOpenIncident(status);

            assertThatThrownBy(() -> incident.publishPostmortem("# Too early", NOW))
                    .isInstanceOfSatisfying(IncidentNotResolved.class,
                            e -> assertThat(e.rule()).isEqualTo("incident-not-resolved"));

            assertThat(incident.postmortem()).isEmpty();
            assertThat(incident.version()).isEqualTo(1);
        }

        @Test
        void rejectsPostmortemOnAReopenedIncident() {
            Incident incident = aResolvedIncidentWithPostmortem("# What happened");
            incident.reopen(aReopening(null), NOW);

            assertThatThrownBy(() -> incident.publishPostmortem("# What happened, corrected", NOW))
                    .isInstanceOf(IncidentNotResolved.class);

            assertThat(incident.postmortem()).contains(new Postmortem(1, "# What happened"));
        }
    }

    @Nested
    class Versioning {

        @Test
        void versionRisesByOneWithEachAcceptedCommand() {
            Incident incident = anOpenIncident();

            IncidentEvent updated = incident.update(anUpdate(IncidentStatus.IDENTIFIED), List.of(), NOW);
            IncidentEvent updatedAgain = incident.update(anUpdate(IncidentStatus.MONITORING), List.of(), NOW.plusSeconds(1));
            IncidentEvent resolved = incident.resolve(aResolution(), List.of(), NOW.plusSeconds(2));
            IncidentEvent reopened = incident.reopen(aReopening(null), NOW.plusSeconds(3));
            IncidentEvent resolvedByUpdate = incident.update(anUpdate(IncidentStatus.RESOLVED), List.of(), NOW.plusSeconds(4));
            IncidentEvent postmortem = incident.publishPostmortem("# What happened", NOW.plusSeconds(5)).orElseThrow();
            IncidentEvent revision = incident.publishPostmortem("# What happened, revised", NOW.plusSeconds(6)).orElseThrow();

            assertThat(Stream.of(updated, updatedAgain, resolved, reopened, resolvedByUpdate, postmortem, revision)
                    .map(IncidentEvent::version))
                    .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(Stream.of(updated, updatedAgain, resolved, reopened, resolvedByUpdate, postmortem, revision)
                    .map(e -> e.incident().version()))
                    .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(incident.version()).isEqualTo(8);
        }

        @Test
        void rejectedCommandsOnAResolvedIncidentLeaveTheVersionUnchanged() {
            Incident incident = aResolvedIncident();

            attempt(() -> incident.update(anUpdate(IncidentStatus.IDENTIFIED), List.of(), NOW));
            attempt(() -> incident.update(anUpdate(IncidentStatus.RESOLVED), List.of(), NOW));
            attempt(() -> incident.resolve(aResolution(), List.of(), NOW));
            attempt(() -> incident.reopen(aReopening(IncidentStatus.RESOLVED), NOW));
            attempt(() -> incident.reopen(aReopeningOccurredAt(OPENED_AT.minusSeconds(1)), NOW));

            assertThat(incident.version()).isEqualTo(2);
            assertThat(incident.snapshot().updatedAt()).isEqualTo(RESOLVED_AT);
        }

        @Test
        void rejectedCommandsOnAnOpenIncidentLeaveTheVersionUnchanged() {
            Incident incident = anOpenIncident();

            attempt(() -> incident.reopen(aReopening(null), NOW));
            attempt(() -> incident.publishPostmortem("# Too early", NOW));
            attempt(() -> incident.update(anUpdateOccurredAt(OPENED_AT.minusSeconds(1)), List.of(), NOW));
            attempt(() -> incident.resolve(aResolutionOccurredAt(NOW.plus(Duration.ofHours(1))), List.of(), NOW));

            assertThat(incident.version()).isEqualTo(1);
            assertThat(incident.snapshot().updatedAt()).isEqualTo(OPENED_AT);
        }

        @Test
        void requireVersionAcceptsTheCurrentVersion() {
            Incident incident = aResolvedIncident();

            assertThatNoException().isThrownBy(() -> incident.requireVersion(2));
        }

        @ParameterizedTest
        @ValueSource(longs = {0, 1, 3, -2, Long.MAX_VALUE})
        void requireVersionRejectsAnyOtherVersionAsStale(long expected) {
            Incident incident = aResolvedIncident();

            assertThatThrownBy(() -> incident.requireVersion(expected))
                    .isInstanceOfSatisfying(StaleIncidentVersion.class, e -> assertThat(e.current()).isEqualTo(2));
        }

        private static void attempt(Runnable command) {
            assertThatThrownBy(command::run).isInstanceOfAny(IncidentRuleViolated.class,
                    IllegalArgumentException.class, InvalidOccurrenceTime.class);
        }
    }

    @Nested
    class OccurrenceTime {

        @Test
        void recordsAnOpeningUpToFiveMinutesInTheFutureAsAcceptedNow() {
            OpenIncident command = new OpenIncident(TITLE, null, null, "Scheduled.", NOW_IN_MICROS.plus(CLOCK_SKEW));

            IncidentOpened event = Incident.open(command, List.of(), NOW).event();

            assertThat(event.occurredAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.incident().createdAt()).isEqualTo(NOW_IN_MICROS);
        }

        @Test
        void rejectsAnOpeningMoreThanFiveMinutesInTheFuture() {
            OpenIncident command = new OpenIncident(TITLE, null, null, "From the future.", NOW_IN_MICROS.plus(CLOCK_SKEW).plus(ONE_MICRO));

            assertThatThrownBy(() -> Incident.open(command, List.of(), NOW)).isInstanceOf(InvalidOccurrenceTime.class);
        }

        @Test
        void rejectsAnOpeningBefore1970() {
            // issue "hostile input": an occurredAt in year 1 was stored as it came
            OpenIncident command = new OpenIncident(TITLE, null, null, "Long ago.", Instant.parse("0001-01-01T00:00:00Z"));

            assertThatThrownBy(() -> Incident.open(command, List.of(), NOW))
                    .isInstanceOf(InvalidOccurrenceTime.class).hasMessageContaining("before 1970");
        }

        @Test
        void acceptsAnOpeningAtTheStartOf1970() {
            OpenIncident command = new OpenIncident(TITLE, null, null, "Backfilled.", Incident.EARLIEST_OCCURRENCE);

            IncidentOpened event = Incident.open(command, List.of(), NOW).event();

            assertThat(event.occurredAt()).isEqualTo(Instant.EPOCH);
        }

        @Test
        void recordsAnUpdateUpToFiveMinutesInTheFutureAsAcceptedNow() {
            Incident incident = anOpenIncident();

            IncidentEvent event = incident.update(anUpdateOccurredAt(NOW_IN_MICROS.plus(CLOCK_SKEW)), List.of(), NOW);

            assertThat(event.occurredAt()).isEqualTo(NOW_IN_MICROS);
        }

        @Test
        void rejectsAnUpdateMoreThanFiveMinutesInTheFuture() {
            Incident incident = anOpenIncident();

            assertThatThrownBy(() -> incident.update(anUpdateOccurredAt(NOW_IN_MICROS.plus(CLOCK_SKEW).plus(ONE_MICRO)), List.of(), NOW))
                    .isInstanceOf(InvalidOccurrenceTime.class);

            assertThat(incident.version()).isEqualTo(1);
        }

        @Test
        void acceptsAnUpdateOccurringWhenTheIncidentBegan() {
            Incident incident = anOpenIncident();

            IncidentEvent event = incident.update(anUpdateOccurredAt(OPENED_AT), List.of(), NOW);

            assertThat(event.occurredAt()).isEqualTo(OPENED_AT);
        }

        @Test
        void rejectsAnUpdateOccurringBeforeTheIncidentBegan() {
            Incident incident = anOpenIncident();

            assertThatThrownBy(() -> incident.update(anUpdateOccurredAt(OPENED_AT.minus(ONE_MICRO)), List.of(), NOW))
                    .isInstanceOf(InvalidOccurrenceTime.class);

            assertThat(incident.version()).isEqualTo(1);
        }

        @Test
        void rejectsAnUpdateOccurringBeforeABackfilledOpening() {
            Instant began = NOW.minus(Duration.ofHours(3));
            Incident incident = Incident.open(new OpenIncident(TITLE, null, null, "Noticed late.", began), List.of(), NOW).incident();

            assertThatThrownBy(() -> incident.update(anUpdateOccurredAt(began.minusSeconds(1)), List.of(), NOW))
                    .isInstanceOf(InvalidOccurrenceTime.class);
        }

        @Test
        void rejectsAnUpdateThatResolvesBeforeTheIncidentBegan() {
            Incident incident = anOpenIncident();
            UpdateIncident command = new UpdateIncident(IncidentStatus.RESOLVED, null, "Fixed.", OPENED_AT.minusSeconds(1));

            assertThatThrownBy(() -> incident.update(command, List.of(), NOW)).isInstanceOf(InvalidOccurrenceTime.class);

            assertThat(incident.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        }

        @Test
        void rejectsAResolutionMoreThanFiveMinutesInTheFuture() {
            Incident incident = anOpenIncident();

            assertThatThrownBy(() -> incident.resolve(aResolutionOccurredAt(NOW_IN_MICROS.plus(CLOCK_SKEW).plus(ONE_MICRO)), List.of(), NOW))
                    .isInstanceOf(InvalidOccurrenceTime.class);

            assertThat(incident.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        }

        @Test
        void rejectsAResolutionOccurringBeforeTheIncidentBegan() {
            Incident incident = anOpenIncident();

            assertThatThrownBy(() -> incident.resolve(aResolutionOccurredAt(OPENED_AT.minus(ONE_MICRO)), List.of(), NOW))
                    .isInstanceOf(InvalidOccurrenceTime.class);

            assertThat(incident.snapshot().resolvedAt()).isNull();
        }

        @Test
        void rejectsAReopeningMoreThanFiveMinutesInTheFuture() {
            Incident incident = aResolvedIncident();

            assertThatThrownBy(() -> incident.reopen(aReopeningOccurredAt(NOW_IN_MICROS.plus(CLOCK_SKEW).plus(ONE_MICRO)), NOW))
                    .isInstanceOf(InvalidOccurrenceTime.class);

            assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        }

        @Test
        void rejectsAReopeningOccurringBeforeTheIncidentBegan() {
            Incident incident = aResolvedIncident();

            assertThatThrownBy(() -> incident.reopen(aReopeningOccurredAt(OPENED_AT.minus(ONE_MICRO)), NOW))
                    .isInstanceOf(InvalidOccurrenceTime.class);

            assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        }

        @Test
        void truncatesABackfilledOccurrenceToMicroseconds() {
            Incident incident = anOpenIncident();

            IncidentEvent event = incident.update(anUpdateOccurredAt(OPENED_AT.plusSeconds(1).plusNanos(999)), List.of(), NOW);

            assertThat(event.occurredAt()).isEqualTo(OPENED_AT.plusSeconds(1));
        }
    }

    @Nested
    class Publishing {

        @Test
        void anIncidentIsPublicUnlessOpenedInternal() {
            assertThat(anOpenIncident().visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(anInternalIncident().snapshot().visibility()).isEqualTo(Visibility.INTERNAL);
        }

        @Test
        void publishingMakesItPublicWithTheCustomersTitleMessageAndImpact() {
            Incident incident = anInternalIncident();

            IncidentPublished event = incident.publish(new PublishIncident("Checkout is slow", "Some payments are slow.", Impact.MAJOR),
                    List.of(component("checkout", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL)), NOW);

            assertThat(event.incident().visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(event.incident().title()).isEqualTo("Checkout is slow");
            assertThat(event.previousTitle()).isEqualTo("[FIRING:1] CheckoutErrorRate");
            assertThat(event.update().message()).isEqualTo("Some payments are slow.");
            assertThat(event.update().impact()).isEqualTo(Impact.MAJOR);
            assertThat(event.update().previousImpact()).isEqualTo(Impact.MINOR);
            assertThat(event.update().componentChanges()).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE));
            assertThat(event.version()).isEqualTo(2);
            assertThat(incident.snapshot().title()).isEqualTo("Checkout is slow");
        }

        @Test
        void publishingWithoutTitleOrMessageKeepsTheTitleAndSaysWeAreInvestigating() {
            Incident incident = anInternalIncident();

            IncidentPublished event = incident.publish(new PublishIncident(null, null, null), List.of(), NOW);

            assertThat(event.incident().title()).isEqualTo("[FIRING:1] CheckoutErrorRate");
            assertThat(event.update().message()).isEqualTo(Incident.DEFAULT_PUBLISHED_MESSAGE);
            assertThat(event.incident().impact()).isEqualTo(Impact.MINOR);
        }

        @Test
        void rejectsPublishingTwice() {
            Incident incident = anInternalIncident();
            incident.publish(new PublishIncident(null, null, null), List.of(), NOW);

            assertThatThrownBy(() -> incident.publish(new PublishIncident(null, null, null), List.of(), NOW))
                    .isInstanceOf(IncidentAlreadyPublic.class)
                    .extracting(e -> ((IncidentRuleViolated) e).rule()).isEqualTo("incident-already-public");
            assertThat(incident.version()).isEqualTo(2);
        }

        @Test
        void rejectsPublishingAnIncidentThatWasPublicFromTheStart() {
            Incident incident = anOpenIncident();

            assertThatThrownBy(() -> incident.publish(new PublishIncident(null, null, null), List.of(), NOW))
                    .isInstanceOf(IncidentAlreadyPublic.class);
        }

        @Test
        void rejectsPublishingAResolvedInternalIncident() {
            Incident incident = anInternalIncident();
            incident.resolve(aResolution(), List.of(), RESOLVED_AT);

            assertThatThrownBy(() -> incident.publish(new PublishIncident("T", null, null), List.of(), NOW))
                    .isInstanceOf(IncidentAlreadyResolved.class)
                    .hasMessageContaining("publish it");
            assertThat(incident.visibility()).isEqualTo(Visibility.INTERNAL);
        }

        @Test
        void updatesAndResolutionsOfAnInternalIncidentStayInternal() {
            Incident incident = anInternalIncident();

            IncidentEvent updated = incident.update(anUpdate(IncidentStatus.IDENTIFIED), List.of(), NOW);
            IncidentResolved resolved = incident.resolve(aResolution(), List.of(), NOW.plusSeconds(1));

            assertThat(updated.incident().visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(resolved.incident().visibility()).isEqualTo(Visibility.INTERNAL);
        }
    }

    @Nested
    class Correcting {

        @Test
        void renamingAndReRatingRaiseTheVersionWithoutATimelineEntry() {
            Incident incident = aResolvedIncident();

            IncidentEdited event = incident.edit(new EditIncident("Checkout fails in eu-west", Impact.CRITICAL), NOW).orElseThrow();

            assertThat(event.previousTitle()).isEqualTo(TITLE);
            assertThat(event.previousImpact()).isEqualTo(OPENING_IMPACT);
            assertThat(event.incident().title()).isEqualTo("Checkout fails in eu-west");
            assertThat(event.incident().impact()).isEqualTo(Impact.CRITICAL);
            assertThat(event.version()).isEqualTo(3);
            assertThat(event).isNotInstanceOf(io.sitrep.events.IncidentLifecycleEvent.class);
        }

        @Test
        void anEditThatChangesNothingYieldsNoEvent() {
            Incident incident = anOpenIncident();

            assertThat(incident.edit(new EditIncident(TITLE, OPENING_IMPACT), NOW)).isEmpty();
            assertThat(incident.version()).isEqualTo(1);
        }

        @Test
        void correctingAnUpdateCountsItsRevisions() {
            Incident incident = anOpenIncident();
            UUID update = UUID.randomUUID();

            IncidentUpdateEdited first = incident.editUpdate(update, "Teh checkout", 1, "The checkout", NOW).orElseThrow();
            IncidentUpdateEdited second = incident.editUpdate(update, "The checkout", 2, "The checkout page", NOW).orElseThrow();

            assertThat(first.revision()).isEqualTo(2);
            assertThat(first.previousMessage()).isEqualTo("Teh checkout");
            assertThat(second.revision()).isEqualTo(3);
            assertThat(second.version()).isEqualTo(3);
            assertThat(incident.editUpdate(update, "Same", 3, "Same", NOW)).isEmpty();
        }

        @Test
        void deletingRaisesTheVersionAndKeepsTheReason() {
            Incident incident = anOpenIncident();

            IncidentDeleted event = incident.delete("Opened by mistake", NOW);

            assertThat(event.reason()).isEqualTo("Opened by mistake");
            assertThat(event.version()).isEqualTo(2);
            assertThat(incident.isDeleted()).isTrue();
        }

        @Test
        void aDeletedIncidentRefusesEveryCommandNamingTheRule() {
            Incident incident = anInternalIncident();
            incident.delete("Opened by mistake", NOW);

            List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> commands = List.of(
                    () -> incident.update(anUpdate(IncidentStatus.IDENTIFIED), List.of(), NOW),
                    () -> incident.resolve(aResolution(), List.of(), NOW),
                    () -> incident.reopen(aReopening(null), NOW),
                    () -> incident.publishPostmortem("body", NOW),
                    () -> incident.publish(new PublishIncident(null, null, null), List.of(), NOW),
                    () -> incident.edit(new EditIncident("New", null), NOW),
                    () -> incident.editUpdate(UUID.randomUUID(), "a", 1, "b", NOW),
                    () -> incident.delete("again", NOW));

            for (var command : commands) {
                assertThatThrownBy(command).isInstanceOf(IncidentAlreadyDeleted.class)
                        .extracting(e -> ((IncidentRuleViolated) e).rule()).isEqualTo("incident-deleted");
            }
            assertThat(incident.version()).isEqualTo(2);
        }
    }
}