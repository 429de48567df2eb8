package io.sitrep.support.outbox;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The outbox backlog and the relay's last outcome. The backlog is reported, not judged: while the
 * broker is away it grows by design.
 */
class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxMetrics metrics;
    private final OutboxRelay relay;

    OutboxHealthIndicator(OutboxMetrics metrics, OutboxRelay relay) {
        super("Outbox health check failed");
        this.metrics = metrics;
        this.relay = relay;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("pending", metrics.pending())
                .withDetail("oldestAgeSeconds", metrics.oldestAgeSeconds())
                .withDetail("relay", relay == null ? "disabled" : relay.isRunning() ? "running" : "stopped");
        if (relay != null && relay.lastError() != null) {
            builder.withDetail("lastError", relay.lastError());
        }
        if (relay != null && relay.lastSuccess() != null) {
            builder.withDetail("lastSuccess", relay.lastSuccess().toString());
        }
    }
}
