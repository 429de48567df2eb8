package io.sitrep.console.signin;

import io.sitrep.console.account.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInAttemptsTest {

    private final MovableClock clock = new MovableClock();
    private final SignInAttempts attempts = new SignInAttempts(
            new SignInSettings(Duration.ofMinutes(30), 3, 5, Duration.ofMinutes(15), new SignInSettings.Oidc("preferred_username", "roles", Role.VIEWER)),
            clock);

    @Test
    void refusesAnAccountAfterItsLimitOfFailures() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("Alice", "10.0.0." + i);
        }

        assertThat(attempts.allowed("alice", "10.0.0.99")).isFalse();
        assertThat(attempts.allowed("bob", "10.0.0.99")).isTrue();
    }

    @Test
    void refusesAnAddressAfterItsLimitOfFailuresWhateverAccountItTries() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("account-" + i, "192.0.2.7");
        }

        assertThat(attempts.allowed("someone-new", "192.0.2.7")).isFalse();
        assertThat(attempts.allowed("someone-new", "192.0.2.8")).isTrue();
    }

    @Test
    void allowsAgainOnceTheFailuresLeaveTheWindow() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("alice", "10.0.0.1");
        }

        clock.advance(Duration.ofMinutes(16));

        assertThat(attempts.allowed("alice", "10.0.0.1")).isTrue();
    }

    @Test
    void clearsAnAccountsFailuresWhenItSignsIn() {
        attempts.failed("alice", "10.0.0.1");
        attempts.failed("alice", "10.0.0.1");

        attempts.succeeded("alice");
        attempts.failed("alice", "10.0.0.1");

        assertThat(attempts.allowed("alice", "10.0.0.2")).isTrue();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T03:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
