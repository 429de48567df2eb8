package io.sitrep.incidentservice.maintenance;

import io.sitrep.events.MaintenanceCancelled;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.MaintenanceUpdated;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.COMPONENTS;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.ENDS;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.ONE_HOUR;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.RULES;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.SCHEDULED_AT;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.STARTS;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.aCompletedWindow;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.aReschedule;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.aSchedule;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.aScheduledWindow;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.aVerifyingWindow;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.aWindowInProgress;
import static io.sitrep.incidentservice.maintenance.MaintenanceFixtures.inStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintenanceTest {

    @Nested
    class Scheduling {

        @Test
        void schedulesAWindowAtVersionOneWithItsFirstUpdate() {
            ScheduleMaintenance command = aSchedule(true, false, ONE_HOUR);

            Maintenance.Scheduling scheduling = Maintenance.schedule(command, COMPONENTS, RULES, SCHEDULED_AT.plusNanos(789));

            MaintenanceScheduled event = scheduling.event();
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.occurredAt()).isEqualTo(SCHEDULED_AT);
            assertThat(event.update().status()).isEqualTo(MaintenanceStatus.SCHEDULED);
            assertThat(event.update().previousStatus()).isNull();
            assertThat(event.maintenance().status()).isEqualTo(MaintenanceStatus.SCHEDULED);
            assertThat(event.maintenance().components()).isEqualTo(COMPONENTS);
            assertThat(event.maintenance().autoComplete()).isFalse();
            assertThat(event.maintenance().remindBefore()).isEqualTo(ONE_HOUR);
            assertThat(scheduling.maintenance().snapshot()).isEqualTo(event.maintenance());
        }

        @Test
        void refusesAWindowThatEndsBeforeItStartsNamingScheduledUntil() {
            ScheduleMaintenance command = new ScheduleMaintenance("t", "m", STARTS, STARTS, true, true, null);

            assertThatThrownBy(() -> Maintenance.schedule(command, COMPONENTS, RULES, SCHEDULED_AT))
                    .isInstanceOfSatisfying(InvalidMaintenanceWindow.class, e -> assertThat(e.field()).isEqualTo("scheduledUntil"));
        }

        @Test
        void refusesAWindowThatStartsMoreThanAMinuteAgoNamingScheduledFor() {
            Instant now = STARTS.plusSeconds(61);
            ScheduleMaintenance command = aSchedule(true, true, null);

            assertThatThrownBy(() -> Maintenance.schedule(command, COMPONENTS, RULES, now))
                    .isInstanceOfSatisfying(InvalidMaintenanceWindow.class, e -> assertThat(e.field()).isEqualTo("scheduledFor"));
        }

        @Test
        void acceptsAWindowThatStartedLessThanAMinuteAgo() {
            Instant now = STARTS.plusSeconds(59);

            Maintenance maintenance = Maintenance.schedule(aSchedule(true, true, null), COMPONENTS, RULES, now).maintenance();

            assertThat(maintenance.status()).isEqualTo(MaintenanceStatus.SCHEDULED);
        }

        @Test
        void refusesAWindowLongerThanTheMaximumNamingScheduledUntil() {
            ScheduleMaintenance command = new ScheduleMaintenance("t", "m", STARTS, STARTS.plus(Duration.ofDays(14)).plusSeconds(1),
                    true, true, null);

            assertThatThrownBy(() -> Maintenance.schedule(command, COMPONENTS, RULES, SCHEDULED_AT))
                    .isInstanceOfSatisfying(InvalidMaintenanceWindow.class, e -> {
                        assertThat(e.field()).isEqualTo("scheduledUntil");
                        assertThat(e.getMessage()).contains("sitrep.maintenance.max-window");
                    });
        }

        @Test
        void refusesAReminderLeadThatIsNotPositive() {
            ScheduleMaintenance command = aSchedule(true, true, Duration.ofMinutes(-5));

            assertThatThrownBy(() -> Maintenance.schedule(command, COMPONENTS, RULES, SCHEDULED_AT))
                    .isInstanceOfSatisfying(InvalidMaintenanceWindow.class, e -> assertThat(e.field()).isEqualTo("remindBefore"));
        }
    }

    @Nested
    class Changing {

        @Test
        void reschedulingAScheduledWindowMovesItAndForgetsTheReminderSentForTheOldStart() {
            Maintenance maintenance = aScheduledWindow();
            maintenance.catchUp(STARTS.minus(ONE_HOUR));
            Instant later = STARTS.plus(ONE_HOUR);

            Optional<MaintenanceUpdated> event = maintenance.change(aReschedule(later, ENDS.plus(ONE_HOUR)), null, RULES, STARTS.minusSeconds(600));

            assertThat(event).hasValueSatisfying(updated -> {
                assertThat(updated.version()).isEqualTo(3);
                assertThat(updated.update()).isNull();
                assertThat(updated.maintenance().scheduledFor()).isEqualTo(later);
                assertThat(updated.maintenance().remindedAt()).isNull();
            });
            assertThat(maintenance.nextDueAt()).contains(later.minus(ONE_HOUR));
        }

        @Test
        void renamingWithAMessagePostsAnUpdateInTheSameStatus() {
            Maintenance maintenance = aScheduledWindow();
            ChangeMaintenance rename = new ChangeMaintenance("Database and cache upgrade", null, null, null, null, null, "Now the cache too.");

            MaintenanceUpdated event = maintenance.change(rename, List.of(new MaintenanceComponent("api", "Public API")), RULES, SCHEDULED_AT)
                    .orElseThrow();

            assertThat(event.maintenance().title()).isEqualTo("Database and cache upgrade");
            assertThat(event.maintenance().components()).extracting(MaintenanceComponent::id).containsExactly("api");
            assertThat(event.update().status()).isEqualTo(MaintenanceStatus.SCHEDULED);
            assertThat(event.update().previousStatus()).isEqualTo(MaintenanceStatus.SCHEDULED);
            assertThat(event.update().message()).isEqualTo("Now the cache too.");
        }

        @Test
        void aChangeThatChangesNothingYieldsNoEvent() {
            Maintenance maintenance = aScheduledWindow();

            Optional<MaintenanceUpdated> event = maintenance.change(aReschedule(STARTS, ENDS), COMPONENTS, RULES, SCHEDULED_AT);

            assertThat(event).isEmpty();
            assertThat(maintenance.version()).isEqualTo(1);
        }

        @Test
        void reschedulingChecksTheNewWindow() {
            Maintenance maintenance = aScheduledWindow();

            assertThatThrownBy(() -> maintenance.change(aReschedule(ENDS, STARTS), null, RULES, SCHEDULED_AT))
                    .isInstanceOfSatisfying(InvalidMaintenanceWindow.class, e -> assertThat(e.field()).isEqualTo("scheduledUntil"));
        }

        @ParameterizedTest
        @EnumSource(value = MaintenanceStatus.class, names = {"IN_PROGRESS", "VERIFYING"})
        void refusesToChangeAStartedWindow(MaintenanceStatus status) {
            Maintenance maintenance = inStatus(status);

            assertThatThrownBy(() -> maintenance.change(aReschedule(STARTS, ENDS.plus(ONE_HOUR)), null, RULES, STARTS))
                    .isInstanceOfSatisfying(MaintenanceRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(MaintenanceRuleViolated.NOT_SCHEDULED));
        }
    }

    @Nested
    class Updates {

        @Test
        void aMessageKeepsTheStatus() {
            Maintenance maintenance = aScheduledWindow();

            MaintenanceEvent event = maintenance.post("Still planned.", null, SCHEDULED_AT.plusSeconds(60));

            assertThat(event).isInstanceOfSatisfying(MaintenanceUpdated.class, updated -> {
                assertThat(updated.update().status()).isEqualTo(MaintenanceStatus.SCHEDULED);
                assertThat(updated.version()).isEqualTo(2);
            });
        }

        @Test
        void movesAStartedWindowToVerifyingAndBack() {
            Maintenance maintenance = aWindowInProgress();

            MaintenanceUpdated verifying = (MaintenanceUpdated) maintenance.post("Verifying.", MaintenanceStatus.VERIFYING, STARTS);
            MaintenanceUpdated back = (MaintenanceUpdated) maintenance.post("One more step.", MaintenanceStatus.IN_PROGRESS, STARTS);

            assertThat(verifying.update().previousStatus()).isEqualTo(MaintenanceStatus.IN_PROGRESS);
            assertThat(verifying.maintenance().status()).isEqualTo(MaintenanceStatus.VERIFYING);
            assertThat(back.maintenance().status()).isEqualTo(MaintenanceStatus.IN_PROGRESS);
        }

        @Test
        void anUpdateToCompletedCompletesTheWindow() {
            Maintenance maintenance = aVerifyingWindow();

            MaintenanceEvent event = maintenance.post("All checks pass.", MaintenanceStatus.COMPLETED, ENDS);

            assertThat(event).isInstanceOfSatisfying(MaintenanceCompleted.class, completed -> {
                assertThat(completed.automatic()).isFalse();
                assertThat(completed.update().previousStatus()).isEqualTo(MaintenanceStatus.VERIFYING);
            });
        }

        @ParameterizedTest
        @EnumSource(value = MaintenanceStatus.class, names = {"IN_PROGRESS", "CANCELLED"})
        void refusesAnUpdateThatWouldStartOrCancelAWindowWithoutItsCommand(MaintenanceStatus status) {
            Maintenance maintenance = aScheduledWindow();

            assertThatThrownBy(() -> maintenance.post("Go.", status, STARTS))
                    .isInstanceOfSatisfying(MaintenanceRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(MaintenanceRuleViolated.STATUS_NEEDS_COMMAND));
        }

        @Test
        void refusesToVerifyAWindowThatHasNotStarted() {
            Maintenance maintenance = aScheduledWindow();

            assertThatThrownBy(() -> maintenance.post("Checking.", MaintenanceStatus.VERIFYING, STARTS))
                    .isInstanceOfSatisfying(MaintenanceRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(MaintenanceRuleViolated.NOT_STARTED));
        }

        @Test
        void refusesToMoveAStartedWindowBackToScheduled() {
            Maintenance maintenance = aWindowInProgress();

            assertThatThrownBy(() -> maintenance.post("Oops.", MaintenanceStatus.SCHEDULED, STARTS))
                    .isInstanceOfSatisfying(MaintenanceRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(MaintenanceRuleViolated.STATUS_NEEDS_COMMAND));
        }
    }

    @Nested
    class ManualTransitions {

        @Test
        void startingByHandRecordsWhenAndThatItWasNotAutomatic() {
            Maintenance maintenance = aScheduledWindow();
            Instant early = STARTS.minusSeconds(300);

            MaintenanceStarted event = maintenance.start(null, early);

            assertThat(event.automatic()).isFalse();
            assertThat(event.occurredAt()).isEqualTo(early);
            assertThat(event.maintenance().startedAt()).isEqualTo(early);
            assertThat(event.maintenance().scheduledFor()).isEqualTo(STARTS);
            assertThat(event.update().message()).isEqualTo(Maintenance.STARTED);
            assertThat(event.update().previousStatus()).isEqualTo(MaintenanceStatus.SCHEDULED);
        }

        @Test
        void completingEarlyRecordsTheRealEnd() {
            Maintenance maintenance = aWindowInProgress();
            Instant early = ENDS.minusSeconds(1800);

            MaintenanceCompleted event = maintenance.complete("Done early.", early);

            assertThat(event.maintenance().completedAt()).isEqualTo(early);
            assertThat(event.maintenance().scheduledUntil()).isEqualTo(ENDS);
            assertThat(event.maintenance().status()).isEqualTo(MaintenanceStatus.COMPLETED);
            assertThat(maintenance.nextDueAt()).isEmpty();
        }

        @Test
        void cancellingAScheduledWindowEndsIt() {
            Maintenance maintenance = aScheduledWindow();

            MaintenanceCancelled event = maintenance.cancel(null, SCHEDULED_AT);

            assertThat(event.maintenance().cancelledAt()).isEqualTo(SCHEDULED_AT);
            assertThat(event.update().message()).isEqualTo(Maintenance.CANCELLED);
            assertThat(maintenance.nextDueAt()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = MaintenanceStatus.class, names = {"IN_PROGRESS", "VERIFYING"})
        void refusesToStartOrCancelAStartedWindow(MaintenanceStatus status) {
            Maintenance maintenance = inStatus(status);

            assertThatThrownBy(() -> maintenance.start(null, STARTS))
                    .isInstanceOfSatisfying(MaintenanceRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(MaintenanceRuleViolated.ALREADY_STARTED));
            assertThatThrownBy(() -> maintenance.cancel(null, STARTS))
                    .isInstanceOfSatisfying(MaintenanceRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(MaintenanceRuleViolated.ALREADY_STARTED));
        }

        @Test
        void refusesToCompleteAWindowThatHasNotStarted() {
            Maintenance maintenance = aScheduledWindow();

            assertThatThrownBy(() -> maintenance.complete(null, STARTS))
                    .isInstanceOfSatisfying(MaintenanceRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(MaintenanceRuleViolated.NOT_STARTED));
        }

        @ParameterizedTest
        @EnumSource(value = MaintenanceStatus.class, names = {"COMPLETED", "CANCELLED"})
        void refusesEveryCommandOnAFinishedWindow(MaintenanceStatus status) {
            Maintenance maintenance = inStatus(status);
            long version = maintenance.version();

            for (Runnable command : List.<Runnable>of(
                    () -> maintenance.start(null, ENDS),
                    () -> maintenance.complete(null, ENDS),
                    () -> maintenance.cancel(null, ENDS),
                    () -> maintenance.post("More.", null, ENDS),
                    () -> maintenance.change(aReschedule(STARTS, ENDS.plus(ONE_HOUR)), null, RULES, SCHEDULED_AT))) {
                assertThatThrownBy(command::run)
                        .isInstanceOfSatisfying(MaintenanceRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(MaintenanceRuleViolated.FINISHED));
            }
            assertThat(maintenance.version()).isEqualTo(version);
            assertThat(maintenance.catchUp(ENDS.plus(Duration.ofDays(1)))).isEmpty();
        }

        @Test
        void refusesAStaleVersion() {
            Maintenance maintenance = aWindowInProgress();

            assertThatThrownBy(() -> maintenance.requireVersion(1)).isInstanceOf(StaleMaintenanceVersion.class);
        }
    }

    @Nested
    class AutomaticSteps {

        @Test
        void remindsThenStartsThenCompletesEachAtItsTime() {
            Maintenance maintenance = aScheduledWindow();

            List<MaintenanceEvent> early = maintenance.catchUp(STARTS.minus(ONE_HOUR).minusNanos(1_000));
            List<MaintenanceEvent> reminder = maintenance.catchUp(STARTS.minus(ONE_HOUR));
            List<MaintenanceEvent> start = maintenance.catchUp(STARTS);
            List<MaintenanceEvent> complete = maintenance.catchUp(ENDS.plusMillis(250));

            assertThat(early).isEmpty();
            assertThat(reminder).singleElement().isInstanceOfSatisfying(MaintenanceReminder.class, r -> {
                assertThat(r.version()).isEqualTo(2);
                assertThat(r.maintenance().remindedAt()).isEqualTo(STARTS.minus(ONE_HOUR));
            });
            assertThat(start).singleElement().isInstanceOfSatisfying(MaintenanceStarted.class, s -> {
                assertThat(s.automatic()).isTrue();
                assertThat(s.update().message()).isEqualTo(Maintenance.STARTED_BY_ITSELF);
            });
            assertThat(complete).singleElement().isInstanceOfSatisfying(MaintenanceCompleted.class, c -> {
                assertThat(c.automatic()).isTrue();
                assertThat(c.occurredAt()).isEqualTo(ENDS.plusMillis(250));
                assertThat(c.maintenance().scheduledUntil()).isEqualTo(ENDS);
                assertThat(c.version()).isEqualTo(4);
            });
            assertThat(maintenance.nextDueAt()).isEmpty();
        }

        @Test
        void nothingIsDueTwice() {
            Maintenance maintenance = aScheduledWindow();
            maintenance.catchUp(STARTS.minus(ONE_HOUR));

            List<MaintenanceEvent> again = maintenance.catchUp(STARTS.minus(ONE_HOUR).plusSeconds(1));

            assertThat(again).isEmpty();
            assertThat(maintenance.nextDueAt()).contains(STARTS);
        }

        @Test
        void afterAnOutageEverythingDueHappensAtOnceWithTheRealTimeAndInOrder() {
            Maintenance maintenance = aScheduledWindow();
            Instant backAt = ENDS.plus(Duration.ofMinutes(17));

            List<MaintenanceEvent> events = maintenance.catchUp(backAt);

            // The reminder is not sent late: the start it announced is itself due and supersedes it.
            assertThat(events).hasExactlyElementsOfTypes(MaintenanceStarted.class, MaintenanceCompleted.class);
            assertThat(events).extracting(MaintenanceEvent::occurredAt).containsOnly(backAt);
            assertThat(events).extracting(MaintenanceEvent::version).containsExactly(2L, 3L);
            assertThat(events.get(1).maintenance().scheduledFor()).isEqualTo(STARTS);
            assertThat(events.get(1).maintenance().remindedAt()).isNull();
        }

        @Test
        void aWindowWithoutAutoStartStaysScheduledButStillReminds() {
            Maintenance maintenance = aScheduledWindow(false, true, ONE_HOUR);

            List<MaintenanceEvent> events = maintenance.catchUp(STARTS.plusSeconds(600));

            assertThat(events).singleElement().isInstanceOf(MaintenanceReminder.class);
            assertThat(maintenance.status()).isEqualTo(MaintenanceStatus.SCHEDULED);
            assertThat(maintenance.nextDueAt()).isEmpty();
        }

        @Test
        void aWindowWithoutAutoCompleteRunsUntilCompletedByHand() {
            Maintenance maintenance = aScheduledWindow(true, false, null);

            List<MaintenanceEvent> events = maintenance.catchUp(ENDS.plus(ONE_HOUR));

            assertThat(events).singleElement().isInstanceOf(MaintenanceStarted.class);
            assertThat(maintenance.status()).isEqualTo(MaintenanceStatus.IN_PROGRESS);
            assertThat(maintenance.nextDueAt()).isEmpty();
        }

        @Test
        void aVerifyingWindowCompletesByItselfToo() {
            Maintenance maintenance = aVerifyingWindow();

            List<MaintenanceEvent> events = maintenance.catchUp(ENDS);

            assertThat(events).singleElement().isInstanceOfSatisfying(MaintenanceCompleted.class,
                    c -> assertThat(c.update().previousStatus()).isEqualTo(MaintenanceStatus.VERIFYING));
        }

        @Test
        void aCompletedWindowHasNothingDue() {
            Maintenance maintenance = aCompletedWindow();

            assertThat(maintenance.nextDueAt()).isEmpty();
        }
    }
}
