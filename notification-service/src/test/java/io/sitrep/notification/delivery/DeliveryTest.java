package io.sitrep.notification.delivery;

import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.support.tracing.StoredTrace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    /** Three attempts: at once, 10 s later, 60 s after that; no jitter. */
    private static final RetryPolicy POLICY = new RetryPolicy(
            new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(60)), 0), Duration.ofMinutes(5), () -> 0.5);
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private static Delivery.Pending aPendingDelivery() {
        return Delivery.queue(DeliveryId.random(), new SubscriptionId(UUID.randomUUID()), T0);
    }

    private static Delivery.Delivering claimed(Delivery.Open open) {
        return open.claim(new Delivery.Sending(UUID.randomUUID(), "incident.opened", "https://example.com:443/hook",
                "{}".getBytes(StandardCharsets.UTF_8), T0, StoredTrace.NONE), new Lease(UUID.randomUUID(), T0.plusSeconds(60)), T0).state();
    }

    /** Claimed, attempted and failed {@code failures} times, per the policy. */
    private static Delivery failedTimes(int failures) {
        Delivery d = aPendingDelivery();
        for (int i = 0; i < failures; i++) {
            Clock at = Clock.fixed(((Delivery.Open) d).dueAt(), ZoneOffset.UTC);
            Delivery.Open open = (Delivery.Open) d;
            d = open.claim(new Delivery.Sending(UUID.randomUUID(), "incident.opened", "e", new byte[0], T0, StoredTrace.NONE),
                    new Lease(UUID.randomUUID(), at.instant().plusSeconds(60)), at.instant()).state()
                    .record(AttemptResult.status(503, null, Duration.ofMillis(5)), POLICY, at).state();
        }
        return d;
    }

    @Nested
    class Claim {

        @Test
        void claimsADueDeliveryUnderALease() {
            Delivery.Pending pending = aPendingDelivery();
            Lease lease = new Lease(UUID.randomUUID(), T0.plusSeconds(60));

            Delivery.Transition<Delivery.Delivering> t = pending.claim(new Delivery.Sending(UUID.randomUUID(), "incident.opened", "e",
                    new byte[0], T0, StoredTrace.NONE), lease, T0);

            assertThat(t.state().lease()).isEqualTo(lease);
            assertThat(t.state().status()).isEqualTo(DeliveryStatus.DELIVERING);
            assertThat(t.state().attempt()).isEqualTo(1);
            assertThat(t.events()).containsExactly(new DeliveryChanged.Claimed(pending.id(), pending.subscriptionId(), lease, T0));
        }

        @Test
        void refusesToClaimADeliveryNotYetDue() {
            Delivery.Failed failed = (Delivery.Failed) failedTimes(1);

            assertThatThrownBy(() -> failed.claim(new Delivery.Sending(UUID.randomUUID(), "incident.opened", "e", new byte[0], T0,
                    StoredTrace.NONE), new Lease(UUID.randomUUID(), T0.plusSeconds(60)), T0))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Record {

        @Test
        void aSuccessDeliversIt() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery> t = d.record(AttemptResult.status(204, null, Duration.ofMillis(3)), POLICY, CLOCK);

            assertThat(t.state()).isEqualTo(new Delivery.Delivered(d.id(), d.subscriptionId(), 1, 1, 204, T0));
            assertThat(t.events()).containsExactly(new DeliveryChanged.Delivered(d.id(), d.subscriptionId(), 1, 204, T0));
        }

        @Test
        void aFailureSchedulesTheNextAttemptPerTheSchedule() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery> t = d.record(AttemptResult.status(500, null, Duration.ofMillis(3)), POLICY, CLOCK);

            assertThat(t.state()).isEqualTo(new Delivery.Failed(d.id(), d.subscriptionId(), 1, 1, T0.plusSeconds(10), 500, "HTTP 500"));
            assertThat(t.events()).containsExactly(
                    new DeliveryChanged.AttemptFailed(d.id(), d.subscriptionId(), 1, "HTTP 500", T0.plusSeconds(10), T0));
        }

        @Test
        void anErrorBeforeAnyAnswerIsAFailureToo() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery> t = d.record(AttemptResult.error("connection refused", Duration.ofMillis(1)), POLICY, CLOCK);

            assertThat(t.state()).isInstanceOf(Delivery.Failed.class);
            assertThat(((Delivery.Failed) t.state()).lastError()).isEqualTo("connection refused");
        }

        @Test
        void theLastAttemptOfTheScheduleMakesADeadLetter() {
            Delivery.Failed twice = (Delivery.Failed) failedTimes(2);
            Clock at = Clock.fixed(twice.dueAt(), ZoneOffset.UTC);
            Delivery.Delivering third = twice.claim(new Delivery.Sending(UUID.randomUUID(), "incident.opened", "e", new byte[0], T0,
                    StoredTrace.NONE), new Lease(UUID.randomUUID(), at.instant().plusSeconds(60)), at.instant()).state();

            Delivery.Transition<Delivery> t = third.record(AttemptResult.status(503, null, Duration.ofMillis(5)), POLICY, at);

            assertThat(t.state()).isInstanceOf(Delivery.Dead.class);
            assertThat(t.state().attemptCount()).isEqualTo(3);
            assertThat(t.events()).singleElement().isInstanceOfSatisfying(DeliveryChanged.Exhausted.class, e -> {
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.eventType()).isEqualTo("incident.opened");
                assertThat(e.lastError()).isEqualTo("HTTP 503");
            });
        }

        @Test
        void aReceiverThatIsGoneCancelsIt() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery> t = d.record(AttemptResult.status(410, null, Duration.ofMillis(3)), POLICY, CLOCK);

            assertThat(t.state()).isInstanceOf(Delivery.Cancelled.class);
            assertThat(((Delivery.Cancelled) t.state()).reason()).isEqualTo("the receiver answered 410 Gone");
            assertThat(t.events()).containsExactly(new DeliveryChanged.ReceiverGone(d.id(), d.subscriptionId(), true, "HTTP 410", T0));
        }

        @Test
        void aChannelsOwnGoneCancelsItAndSaysWhatItAnswered() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery> t = d.record(AttemptResult.gone(404, "no_service", Duration.ofMillis(3)), POLICY, CLOCK);

            assertThat(((Delivery.Cancelled) t.state()).reason()).isEqualTo("the receiver is gone: no_service");
            assertThat(t.events()).containsExactly(new DeliveryChanged.ReceiverGone(d.id(), d.subscriptionId(), false, "no_service", T0));
        }
    }

    @Nested
    class RetryScheduleEdges {

        @Test
        void aRetryAfterLaterThanTheScheduleIsHonoured() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery> t = d.record(AttemptResult.status(429, Duration.ofSeconds(30), Duration.ofMillis(3)), POLICY, CLOCK);

            assertThat(((Delivery.Failed) t.state()).dueAt()).isEqualTo(T0.plusSeconds(30));
        }

        @Test
        void aRetryAfterSoonerThanTheScheduleIsNot() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery> t = d.record(AttemptResult.status(503, Duration.ofSeconds(2), Duration.ofMillis(3)), POLICY, CLOCK);

            assertThat(((Delivery.Failed) t.state()).dueAt()).isEqualTo(T0.plusSeconds(10));
        }

        @Test
        void aRetryAfterBeyondTheMaximumIsCappedAtIt() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery> t = d.record(AttemptResult.status(503, Duration.ofDays(3), Duration.ofMillis(3)), POLICY, CLOCK);

            assertThat(((Delivery.Failed) t.state()).dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        }

        @Test
        void jitterSpreadsTheDelayBothWays() {
            RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(100)), 0.2);
            Delivery.Delivering d = claimed(aPendingDelivery());

            Instant earliest = ((Delivery.Failed) d.record(AttemptResult.status(500, null, Duration.ZERO),
                    new RetryPolicy(schedule, Duration.ofMinutes(5), () -> 0.0), CLOCK).state()).dueAt();
            Instant latest = ((Delivery.Failed) d.record(AttemptResult.status(500, null, Duration.ZERO),
                    new RetryPolicy(schedule, Duration.ofMinutes(5), () -> 0.999_999), CLOCK).state()).dueAt();

            assertThat(earliest).isEqualTo(T0.plusSeconds(80));
            assertThat(Duration.between(T0, latest)).isBetween(Duration.ofMillis(119_990), Duration.ofSeconds(120));
        }

        @Test
        void aScheduleOfOneAttemptMakesTheFirstFailureADeadLetter() {
            RetryPolicy once = new RetryPolicy(new RetrySchedule(List.of(Duration.ZERO), 0), Duration.ofMinutes(5), () -> 0.5);
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery> t = d.record(AttemptResult.status(500, null, Duration.ZERO), once, CLOCK);

            assertThat(t.state()).isInstanceOf(Delivery.Dead.class);
        }

        @Test
        void aRedrivenDeadLetterGetsTheWholeScheduleAgainWhileItsAttemptNumbersGoOn() {
            Delivery.Dead dead = (Delivery.Dead) failedTimes(3);

            Delivery.Transition<Delivery.Pending> t = dead.redrive(AttemptTrigger.MANUAL_REDRIVE, T0.plusSeconds(600));
            Delivery.Delivering again = claimed(new Delivery.Pending(t.state().id(), t.state().subscriptionId(), t.state().attemptCount(),
                    t.state().roundAttempts(), T0, t.state().trigger()));
            Delivery after = again.record(AttemptResult.status(500, null, Duration.ZERO), POLICY, CLOCK).state();

            assertThat(t.state().roundAttempts()).isZero();
            assertThat(t.state().attemptCount()).isEqualTo(3);
            assertThat(t.events()).containsExactly(new DeliveryChanged.Redriven(dead.id(), dead.subscriptionId(), AttemptTrigger.MANUAL_REDRIVE,
                    T0.plusSeconds(600)));
            assertThat(after).isInstanceOf(Delivery.Failed.class);
            assertThat(after.attemptCount()).isEqualTo(4);
            assertThat(((Delivery.Failed) after).dueAt()).isEqualTo(T0.plusSeconds(10));
        }
    }

    @Nested
    class Triggers {

        @Test
        void aNewDeliveryAndEveryRetryAreScheduled() {
            Delivery.Delivering first = claimed(aPendingDelivery());
            Delivery.Failed failed = (Delivery.Failed) first.record(AttemptResult.status(500, null, Duration.ZERO), POLICY, CLOCK).state();

            assertThat(first.trigger()).isEqualTo(AttemptTrigger.SCHEDULED);
            assertThat(failed.trigger()).isEqualTo(AttemptTrigger.SCHEDULED);
        }

        @Test
        void theFirstAttemptAfterAReDriveRecordsWhichReDriveAndTheRetriesAfterItAreScheduled() {
            Delivery.Dead dead = (Delivery.Dead) failedTimes(3);

            Delivery.Pending redriven = dead.redrive(AttemptTrigger.AUTOMATIC_REDRIVE, T0).state();
            Delivery.Delivering attempt = claimed(redriven);
            Delivery after = attempt.record(AttemptResult.status(500, null, Duration.ZERO), POLICY, CLOCK).state();

            assertThat(attempt.trigger()).isEqualTo(AttemptTrigger.AUTOMATIC_REDRIVE);
            assertThat(((Delivery.Open) after).trigger()).isEqualTo(AttemptTrigger.SCHEDULED);
        }

        @Test
        void aReDriveWhoseAttemptWasGivenBackKeepsItsTrigger() {
            Delivery.Delivering attempt = claimed(((Delivery.Dead) failedTimes(3)).redrive(AttemptTrigger.MANUAL_REDRIVE, T0).state());

            assertThat(attempt.release(T0.plusSeconds(1), T0).state().trigger()).isEqualTo(AttemptTrigger.MANUAL_REDRIVE);
            assertThat(attempt.expire(T0.plusSeconds(61)).state().trigger()).isEqualTo(AttemptTrigger.MANUAL_REDRIVE);
        }

        @Test
        void aReDriveIsManualOrAutomatic() {
            Delivery.Dead dead = (Delivery.Dead) failedTimes(3);

            assertThatThrownBy(() -> dead.redrive(AttemptTrigger.SCHEDULED, T0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class LeaseAndRelease {

        @Test
        void aReleasedFirstAttemptIsPendingAgainWithoutSpendingAnAttempt() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            Delivery.Transition<Delivery.Open> t = d.release(T0.plusMillis(500), T0);

            assertThat(t.state()).isEqualTo(new Delivery.Pending(d.id(), d.subscriptionId(), 0, 0, T0.plusMillis(500), AttemptTrigger.SCHEDULED));
        }

        @Test
        void aReleasedRetryIsFailedAgain() {
            Delivery.Failed once = (Delivery.Failed) failedTimes(1);
            Delivery.Delivering d = claimed(new Delivery.Failed(once.id(), once.subscriptionId(), 1, 1, T0, 503, "HTTP 503"));

            assertThat(d.release(T0.plusSeconds(1), T0).state()).isInstanceOf(Delivery.Failed.class);
        }

        @Test
        void anExpiredLeaseMakesItDueAtOnceWithTheSameId() {
            Delivery.Delivering d = claimed(aPendingDelivery());
            Instant later = T0.plusSeconds(61);

            Delivery.Transition<Delivery.Open> t = d.expire(later);

            assertThat(t.state().id()).isEqualTo(d.id());
            assertThat(t.state().dueAt()).isEqualTo(later);
            assertThat(t.events()).containsExactly(new DeliveryChanged.LeaseExpired(d.id(), d.subscriptionId(), later));
        }

        @Test
        void aLeaseThatHoldsCannotExpire() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            assertThatThrownBy(() -> d.expire(T0.plusSeconds(30))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class CancelAndAbandon {

        @Test
        void anOpenDeliveryCanBeCancelled() {
            Delivery.Pending pending = aPendingDelivery();

            Delivery.Transition<Delivery.Cancelled> t = pending.cancel("the subscription was deleted", T0);

            assertThat(t.state().reason()).isEqualTo("the subscription was deleted");
            assertThat(t.events()).containsExactly(new DeliveryChanged.Cancelled(pending.id(), pending.subscriptionId(),
                    "the subscription was deleted", T0));
        }

        @Test
        void aDeliveryBeingSentCanBeCancelled() {
            Delivery.Delivering d = claimed(aPendingDelivery());

            assertThat(d.cancel("the subscription is unsubscribed", T0).state().status()).isEqualTo(DeliveryStatus.CANCELLED);
        }

        @Test
        void aDisabledSubscriptionsOpenDeliveryIsKeptAsADeadLetter() {
            Delivery.Failed failed = (Delivery.Failed) failedTimes(1);

            Delivery.Transition<Delivery.Dead> t = failed.abandon("HTTP 503", T0);

            assertThat(t.state().lastError()).isEqualTo("HTTP 503");
            assertThat(t.state().lastStatusCode()).isEqualTo(503);
            assertThat(t.events()).containsExactly(new DeliveryChanged.Abandoned(failed.id(), failed.subscriptionId(), "HTTP 503", T0));
        }
    }
}
