package io.sitrep.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** The {@code postgres} image. */
final class ContainerPostgres extends PostgresServer {

    private final PostgreSQLContainer container;

    ContainerPostgres() {
        container = new PostgreSQLContainer("postgres:17-alpine").withCommand("postgres", "-c", "max_connections=300");
        container.start();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    void stop() {
        container.stop();
    }
}
