package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** issue 16: which requests skip their span and metrics: the snapshot's own answers, spelled exactly, and nothing else. */
class UnobservedSnapshotAnswersTest {

    private final PublicSnapshots snapshots = new PublicSnapshots(
            () -> List.<PublicSurface>of(content -> () -> {
                content.html("/", "<p>page</p>");
                content.json("/api/v2/summary.json", List.of());
            }),
            new TransactionTemplate(new NoTransactions()), JsonMapper.builder().build(), Clock.systemUTC(),
            new SnapshotSettings(Duration.ZERO, Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofDays(1)),
            event -> { }, new SimpleMeterRegistry());
    private final UnobservedSnapshotAnswers predicate = new UnobservedSnapshotAnswers(snapshots);

    @Test
    void aGetOrHeadOfASnapshotPathWithoutQueryIsNotObserved() {
        snapshots.current();

        boolean page = predicate.test("http.server.requests", server("GET", "/", null));
        boolean summary = predicate.test("http.server.requests", server("HEAD", "/api/v2/summary.json", null));

        assertThat(page).isFalse();
        assertThat(summary).isFalse();
    }

    @Test
    void everyOtherRequestIsObserved() {
        snapshots.current();

        assertThat(predicate.test("http.server.requests", server("GET", "/", "x=1"))).as("with a query").isTrue();
        assertThat(predicate.test("http.server.requests", server("POST", "/", null))).as("a POST").isTrue();
        assertThat(predicate.test("http.server.requests", server("GET", "/api/v2/%73ummary.json", null))).as("another spelling").isTrue();
        assertThat(predicate.test("http.server.requests", server("GET", "/api/v1/incidents", null))).as("not in the snapshot").isTrue();
        assertThat(predicate.test("spring.kafka.listener", new Observation.Context())).as("not a request").isTrue();
    }

    @Test
    void beforeTheFirstSnapshotEveryRequestIsObserved() {
        boolean page = predicate.test("http.server.requests", server("GET", "/", null));

        assertThat(page).isTrue();
    }

    private static ServerRequestObservationContext server(String method, String uri, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setQueryString(query);
        return new ServerRequestObservationContext(request, new MockHttpServletResponse());
    }

    /** A transaction manager with nothing to manage: the surface here reads no database. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
