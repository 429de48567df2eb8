package io.sitrep.notification.delivery.dispatch;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointIsolationTest {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads =
            BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(4).maxWaitDuration(Duration.ZERO).build());
    private final EndpointIsolation isolation = new EndpointIsolation(bulkheads, breakers, 2);

    @Test
    void freeSlotsCountTheAttemptsInFlightPerEndpoint() {
        isolation.tryAcquire("http://a.example:80/hook", "a.example:80");
        isolation.tryAcquire("http://a.example:80/hook", "a.example:80");
        isolation.tryAcquire(EndpointIsolation.SMTP, EndpointIsolation.SMTP);

        assertThat(isolation.freeSlots()).containsEntry("http://a.example:80/hook", 2).containsEntry(EndpointIsolation.SMTP, 1);
        assertThat(isolation.webhookSlots()).isEqualTo(4);
        assertThat(isolation.smtpSlots()).isEqualTo(2);
    }

    @Test
    void anEndpointWhoseHostsBreakerIsOpenHasNoFreeSlot() {
        EndpointIsolation.Permit permit = isolation.tryAcquire("https://b.example:443/events", "b.example:443");
        isolation.tryAcquire("https://c.example:443/events", "c.example:443").release(
                io.sitrep.notification.delivery.AttemptResult.status(200, null, Duration.ofMillis(5)));
        breakers.circuitBreaker(EndpointIsolation.hostId("b.example:443")).transitionToOpenState();
        permit.release(io.sitrep.notification.delivery.AttemptResult.error("timed out", Duration.ofSeconds(15)));

        assertThat(isolation.freeSlots()).containsEntry("https://b.example:443/events", 0)
                .containsEntry("https://c.example:443/events", 4);
    }

    @Test
    void aHalfOpenHostsEndpointOffersOneSlotForItsTrialAndNoneWhileItRuns() {
        breakers.circuitBreaker(EndpointIsolation.hostId("d.example:443")).transitionToOpenState();
        breakers.circuitBreaker(EndpointIsolation.hostId("d.example:443")).transitionToHalfOpenState();
        EndpointIsolation.Permit trial = isolation.tryAcquire("https://d.example:443/events", "d.example:443");

        assertThat(isolation.freeSlots()).containsEntry("https://d.example:443/events", 0);

        trial.release(io.sitrep.notification.delivery.AttemptResult.status(503, null, Duration.ofMillis(5)));
        breakers.circuitBreaker(EndpointIsolation.hostId("d.example:443")).transitionToClosedState();
        breakers.circuitBreaker(EndpointIsolation.hostId("d.example:443")).transitionToOpenState();
        breakers.circuitBreaker(EndpointIsolation.hostId("d.example:443")).transitionToHalfOpenState();
        assertThat(isolation.freeSlots()).containsEntry("https://d.example:443/events", 1);
    }

    // issue 17: a delivery born claimed holds its endpoint's slot from its fan-out on, so claims count it as taken.
    @Test
    void aSlotHeldForADeliveryBornClaimedIsTakenUntilFreed() {
        String endpoint = "https://f.example:443/events";
        java.util.List<EndpointIsolation.HeldSlot> held = java.util.stream.Stream.generate(() -> isolation.holdSlot(endpoint)).limit(4).toList();

        assertThat(held).doesNotContainNull();
        assertThat(isolation.holdSlot(endpoint)).isNull();
        assertThat(isolation.freeSlots()).containsEntry(endpoint, 0);

        held.get(0).free();
        assertThat(isolation.freeSlots()).containsEntry(endpoint, 1);
    }

    @Test
    void noSlotIsHeldAtAnEndpointWhoseHostsBreakerIsNotClosed() {
        breakers.circuitBreaker(EndpointIsolation.hostId("g.example:443")).transitionToOpenState();

        assertThat(isolation.holdSlot("https://g.example:443/events")).isNull();

        breakers.circuitBreaker(EndpointIsolation.hostId("g.example:443")).transitionToHalfOpenState();
        assertThat(isolation.holdSlot("https://g.example:443/events")).isNull();
    }

    @Test
    void anAttemptInAHeldSlotAsksOnlyForTheHostsPermission() {
        String endpoint = "https://h.example:443/events";
        EndpointIsolation.HeldSlot slot = isolation.holdSlot(endpoint);

        EndpointIsolation.Permit permit = isolation.tryAcquire(slot, "h.example:443");

        assertThat(permit.refusal()).isNull();
        assertThat(isolation.freeSlots()).containsEntry(endpoint, 3);
        permit.release(io.sitrep.notification.delivery.AttemptResult.status(200, null, Duration.ofMillis(5)));
        assertThat(isolation.freeSlots()).containsEntry(endpoint, 4);
    }

    @Test
    void theBreakerKeyOfAnEndpointIsItsHostAndPort() {
        assertThat(EndpointIsolation.host("https://Hooks.Example:8443/a/b")).isEqualTo("hooks.example:8443");
        assertThat(EndpointIsolation.host("http://127.0.0.10:80/hook")).isEqualTo("127.0.0.10:80");
        assertThat(EndpointIsolation.host(EndpointIsolation.SMTP)).isEqualTo(EndpointIsolation.SMTP);
    }

    // Security hardening: webhook URLs were metric labels (every bulkhead and breaker name is one), and a chat webhook's path is its credential.
    @Test
    void bulkheadsAndBreakersAreNamedByAnOpaqueIdNeverByTheUrl() {
        isolation.tryAcquire("https://hooks.example:443/services/T000/B000/XXXXsecret", "hooks.example:443");

        assertThat(bulkheads.getAllBulkheads()).extracting(b -> b.getName()).singleElement()
                .satisfies(name -> assertThat(name).matches("endpoint-[0-9a-f]{16}").doesNotContain("hooks").doesNotContain("secret"));
        assertThat(breakers.getAllCircuitBreakers()).extracting(b -> b.getName()).singleElement()
                .satisfies(name -> assertThat(name).matches("host-[0-9a-f]{16}").doesNotContain("hooks"));
        assertThat(isolation.freeSlots()).containsEntry("https://hooks.example:443/services/T000/B000/XXXXsecret", 3);
    }
}
