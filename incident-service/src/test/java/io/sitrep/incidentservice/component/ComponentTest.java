package io.sitrep.incidentservice.component;

import io.sitrep.events.ComponentDefined;
import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.ComponentStatusChanged;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ComponentTest {

    private static final Instant DEFINED_AT = Instant.parse("2025-03-01T09:00:00.123456Z");
    private static final Instant NOW = DEFINED_AT.plus(Duration.ofHours(1)).plusNanos(789);
    private static final Instant NOW_IN_MICROS = DEFINED_AT.plus(Duration.ofHours(1));

    private static final ComponentId API = new ComponentId("api");

    /** New (name, group, description) for the component {@link #anApiComponent()} defines, each differing in one value. */
    static Stream<Arguments> newValues() {
        return Stream.of(
                Arguments.of("Public REST API", "Core", "The REST API"),
                Arguments.of("Public API", "Edge", "The REST API"),
                Arguments.of("Public API", null, "The REST API"),
                Arguments.of("Public API", "Core", "The public REST API"),
                Arguments.of("Public API", "Core", null));
    }

    private static Component anApiComponent() {
        return Component.define(API, "Public API", "Core", "The REST API", DEFINED_AT).component();
    }

    @Nested
    class Defining {

        @Test
        void definingYieldsComponentDefinedAtVersionOne() {
            Component.Definition definition = Component.define(API, "Public API", "Core", "The REST API", NOW);

            ComponentDefined event = definition.event();
            assertThat(event.componentId()).isEqualTo("api");
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.occurredAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.publishedAt()).isEqualTo(NOW_IN_MICROS);
            assertThat(event.component()).isEqualTo(definition.component().snapshot());
        }

        @Test
        void aNewComponentIsOperational() {
            Component component = Component.define(API, "Public API", null, null, NOW).component();

            assertThat(component.status()).isEqualTo(ComponentStatus.OPERATIONAL);
            assertThat(component.snapshot()).isEqualTo(
                    new ComponentSnapshot("api", "Public API", null, null, ComponentStatus.OPERATIONAL, NOW_IN_MICROS, 1));
        }
    }

    @Nested
    class Redefining {

        @Test
        void redefiningWithTheSameValuesYieldsNothing() {
            Component component = anApiComponent();
            ComponentSnapshot before = component.snapshot();

            Optional<ComponentDefined> event = component.redefine("Public API", "Core", "The REST API", null, NOW);

            assertThat(event).isEmpty();
            assertThat(component.snapshot()).isEqualTo(before);
        }

        @Test
        void redefiningAnUngroupedComponentWithTheSameValuesYieldsNothing() {
            Component component = Component.define(API, "Public API", null, null, DEFINED_AT).component();

            Optional<ComponentDefined> event = component.redefine("Public API", null, null, null, NOW);

            assertThat(event).isEmpty();
            assertThat(component.snapshot().version()).isEqualTo(1);
        }

        @ParameterizedTest(name = "name={0}, group={1}, description={2}")
        @MethodSource("io.sitrep.incidentservice.component.ComponentTest#newValues")
        void redefiningWithNewValuesYieldsComponentDefinedAtVersionTwo(String name, String group, String description) {
            Component component = anApiComponent();

            Optional<ComponentDefined> event = component.redefine(name, group, description, null, NOW);

            assertThat(event).hasValueSatisfying(defined -> {
                assertThat(defined.componentId()).isEqualTo("api");
                assertThat(defined.version()).isEqualTo(2);
                assertThat(defined.occurredAt()).isEqualTo(NOW_IN_MICROS);
                assertThat(defined.publishedAt()).isEqualTo(NOW_IN_MICROS);
                assertThat(defined.component()).isEqualTo(
                        new ComponentSnapshot("api", name, group, description, ComponentStatus.OPERATIONAL, NOW_IN_MICROS, 2));
            });
            assertThat(component.name()).isEqualTo(name);
        }

        @Test
        void movingAComponentYieldsComponentDefinedCarryingItsPosition() {
            Component component = anApiComponent();

            Optional<ComponentDefined> moved = component.redefine("Public API", "Core", "The REST API", 3, NOW);
            Optional<ComponentDefined> again = component.redefine("Public API", "Core", "The REST API", 3, NOW.plusSeconds(1));

            assertThat(moved).hasValueSatisfying(defined -> {
                assertThat(defined.version()).isEqualTo(2);
                assertThat(defined.component().position()).isEqualTo(3);
            });
            assertThat(again).isEmpty();
            assertThat(Component.restore(component.snapshot()).snapshot().position()).isEqualTo(3);
        }

        @Test
        void redefiningKeepsTheStatus() {
            Component component = anApiComponent();
            component.changeStatus(ComponentStatus.PARTIAL_OUTAGE, null, null, NOW);

            Optional<ComponentDefined> event = component.redefine("Public REST API", "Core", "The REST API", null, NOW.plusSeconds(1));

            assertThat(event).hasValueSatisfying(defined -> {
                assertThat(defined.version()).isEqualTo(3);
                assertThat(defined.component().status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
            });
        }
    }

    @Nested
    class ChangingStatus {

        @Test
        void changingToTheSameStatusYieldsNothing() {
            Component component = anApiComponent();
            ComponentSnapshot before = component.snapshot();

            Optional<ComponentStatusChanged> event = component.changeStatus(ComponentStatus.OPERATIONAL, UUID.randomUUID(), null, NOW);

            assertThat(event).isEmpty();
            assertThat(component.snapshot()).isEqualTo(before);
        }

        @ParameterizedTest
        @EnumSource(value = ComponentStatus.class, names = "OPERATIONAL", mode = EnumSource.Mode.EXCLUDE)
        void changingToAnotherStatusYieldsComponentStatusChangedWithThePreviousStatusAndIncident(ComponentStatus status) {
            Component component = anApiComponent();
            UUID incidentId = UUID.randomUUID();

            Optional<ComponentStatusChanged> event = component.changeStatus(status, incidentId, null, NOW);

            assertThat(event).hasValueSatisfying(changed -> {
                assertThat(changed.componentId()).isEqualTo("api");
                assertThat(changed.version()).isEqualTo(2);
                assertThat(changed.status()).isEqualTo(status);
                assertThat(changed.previousStatus()).isEqualTo(ComponentStatus.OPERATIONAL);
                assertThat(changed.incidentId()).isEqualTo(incidentId);
                assertThat(changed.occurredAt()).isEqualTo(NOW_IN_MICROS);
                assertThat(changed.publishedAt()).isEqualTo(NOW_IN_MICROS);
                assertThat(changed.component()).isEqualTo(component.snapshot());
                assertThat(changed.component().status()).isEqualTo(status);
                assertThat(changed.component().updatedAt()).isEqualTo(NOW_IN_MICROS);
            });
            assertThat(component.status()).isEqualTo(status);
        }

        @Test
        void aChangeOutsideAnyIncidentNamesNoIncident() {
            Component component = anApiComponent();

            Optional<ComponentStatusChanged> event = component.changeStatus(ComponentStatus.UNDER_MAINTENANCE, null, null, NOW);

            assertThat(event).hasValueSatisfying(changed -> assertThat(changed.incidentId()).isNull());
        }

        @Test
        void aChangeBackfillsOccurredAtButIsPublishedNow() {
            Component component = anApiComponent();
            Instant occurredAt = DEFINED_AT.plus(Duration.ofMinutes(10)).plusNanos(999);

            Optional<ComponentStatusChanged> event = component.changeStatus(ComponentStatus.MAJOR_OUTAGE, null, occurredAt, NOW);

            assertThat(event).hasValueSatisfying(changed -> {
                assertThat(changed.occurredAt()).isEqualTo(DEFINED_AT.plus(Duration.ofMinutes(10)));
                assertThat(changed.publishedAt()).isEqualTo(NOW_IN_MICROS);
            });
        }

        @Test
        void successiveChangesRecordEachPreviousStatusAndRaiseTheVersion() {
            Component component = anApiComponent();
            component.changeStatus(ComponentStatus.MAJOR_OUTAGE, null, null, NOW);

            Optional<ComponentStatusChanged> event = component.changeStatus(ComponentStatus.DEGRADED_PERFORMANCE, null, null, NOW.plusSeconds(1));

            assertThat(event).hasValueSatisfying(changed -> {
                assertThat(changed.version()).isEqualTo(3);
                assertThat(changed.previousStatus()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
            });
        }
    }

    @Nested
    class ComponentIds {

        @ParameterizedTest
        @ValueSource(strings = {"API", "Api", "my api", " api", "api ", "", "-api", ".api", "_api", "api/v1", "äpi"})
        void componentIdRejectsBadForms(String value) {
            assertThatIllegalArgumentException().isThrownBy(() -> new ComponentId(value));
        }

        @Test
        void componentIdRejectsSixtyFiveCharacters() {
            String tooLong = "a".repeat(65);

            assertThatIllegalArgumentException().isThrownBy(() -> new ComponentId(tooLong));
        }

        @ParameterizedTest
        @ValueSource(strings = {"api", "eu-west.db_1", "1", "a-"})
        void componentIdAcceptsLowerCaseLettersDigitsDotsUnderscoresAndDashes(String value) {
            ComponentId id = new ComponentId(value);

            assertThat(id.value()).isEqualTo(value);
            assertThat(id).hasToString(value);
        }

        @Test
        void componentIdAcceptsSixtyFourCharacters() {
            String longest = "a".repeat(64);

            assertThat(new ComponentId(longest).value()).hasSize(64);
        }
    }
}
