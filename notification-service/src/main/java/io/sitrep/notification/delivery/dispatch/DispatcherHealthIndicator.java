package io.sitrep.notification.delivery.dispatch;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The dispatcher and its queues. Backlogs are reported, not judged: a dead receiver fills the dead
 * letters by design, and is no reason to take this instance out of service.
 */
class DispatcherHealthIndicator extends AbstractHealthIndicator {

    private final Dispatcher dispatcher;
    private final io.sitrep.notification.delivery.Deliveries deliveries;
    private final java.time.Clock clock;

    DispatcherHealthIndicator(Dispatcher dispatcher, io.sitrep.notification.delivery.Deliveries deliveries,
                              java.time.Clock clock) {
        super("Dispatcher health check failed");
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("dispatcher", dispatcher == null ? "disabled" : dispatcher.isRunning() ? "running" : "stopped")
                .withDetail("due", deliveries.countDue(clock.instant()))
                .withDetail("dead", deliveries.countDead());
        if (dispatcher != null) {
            builder.withDetail("inFlight", dispatcher.inFlight());
            if (dispatcher.lastClaim() != null) {
                builder.withDetail("lastClaim", dispatcher.lastClaim().toString());
            }
            if (dispatcher.lastError() != null) {
                builder.withDetail("lastError", dispatcher.lastError());
            }
        }
    }
}
