package io.sitrep.incidentservice.web;

import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.support.web.DatabaseRefusals;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.Infrastructure;
import io.sitrep.testsupport.PostgresServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service's database stops accepting connections, for real, and comes back.
 * Issue 21: with PostgreSQL down every write waited 5 s and got 500 internal-error, readiness stayed up.
 */
class DatabaseOutageIT extends IntegrationTest {

    private static final String OPEN = "{\"title\":\"Database outage\",\"message\":\"We are looking into it.\"}";

    @Value("${spring.datasource.url}")
    private String url;

    @Autowired
    private MeterRegistry meters;

    @Test
    void writesAnswer503QuicklyAndReadinessIsDownWhileTheDatabaseIsUnavailableAndRecoverAfter() throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        api.post("/api/v1/incidents", OPEN).expect(201);
        double refusedBefore = refusals();

        stopAcceptingConnections(database);
        try {
            Instant start = Instant.now();
            Api.Response refused = api.post("/api/v1/incidents", OPEN);
            Duration took = Duration.between(start, Instant.now());

            refused.expectProblem(503, "temporarily-unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(took).as("time to the 503").isLessThan(Duration.ofMillis(3500));
            assertThat(refusals()).isGreaterThan(refusedBefore);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(api.as(null).get("/actuator/health/readiness").status()).isEqualTo(503));
        } finally {
            acceptConnections(database);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.post("/api/v1/incidents", OPEN).status()).isEqualTo(201));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.as(null).get("/actuator/health/readiness").status()).isEqualTo(200));
    }

    private double refusals() {
        return meters.get(DatabaseRefusals.METER).counter().count();
    }

    private static void stopAcceptingConnections(String database) throws SQLException {
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
    }

    private static void acceptConnections(String database) throws SQLException {
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    private static void admin(String... statements) throws SQLException {
        PostgresServer postgres = Infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
