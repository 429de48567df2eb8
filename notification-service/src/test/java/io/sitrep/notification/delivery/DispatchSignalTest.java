package io.sitrep.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The claim interval's pause gives way to deliveries handed over, which need no claim, and to nothing else. */
class DispatchSignalTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    private final DispatchSignal signal = new DispatchSignal();

    // issue 17: a hand-off that came during the pause waited out the claim interval.
    @Test
    void aHandOffEndsTheClaimIntervalsPause() throws Exception {
        CompletableFuture<Boolean> paused = new CompletableFuture<>();
        Thread dispatcher = new Thread(() -> {
            try {
                paused.complete(signal.pauseUnlessHandedOver(LONG));
            } catch (InterruptedException e) {
                paused.completeExceptionally(e);
            }
        });
        dispatcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.getState() == Thread.State.TIMED_WAITING);

        signal.handOver();

        assertThat(paused.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aHandOffBeforeThePauseEndsItAtOnce() {
        signal.handOver();

        boolean handed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> signal.pauseUnlessHandedOver(LONG));

        assertThat(handed).isTrue();
    }

    @Test
    void aWakeUpDoesNotEndThePauseAndIsKeptForTheClaim() throws Exception {
        signal.wake();

        boolean handed = signal.pauseUnlessHandedOver(Duration.ofMillis(50));
        signal.handOver();

        assertThat(handed).isFalse();
        // A hand-off alone asks for no claim: only the wake-up kept from before the pause does.
        assertThat(signal.await(Duration.ZERO)).isTrue();
    }
}
