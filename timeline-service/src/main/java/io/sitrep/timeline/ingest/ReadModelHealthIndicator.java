package io.sitrep.timeline.ingest;

import io.sitrep.timeline.readmodel.Gap;
import io.sitrep.timeline.readmodel.ReadModels;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read models as the consumer keeps them: the current generation, the last event applied, and
 * the version gaps recorded. Gaps are reported, not judged: the gapped events were applied from their
 * snapshots; a rebuild from a complete log removes them.
 */
class ReadModelHealthIndicator extends AbstractHealthIndicator {

    private final ReadModels readModels;
    private final IngestMetrics metrics;
    private final LastApplied lastApplied;

    ReadModelHealthIndicator(ReadModels readModels, IngestMetrics metrics, LastApplied lastApplied) {
        super("Read model health check failed");
        this.readModels = readModels;
        this.metrics = metrics;
        this.lastApplied = lastApplied;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("generation", readModels.currentGeneration())
                .withDetail("gaps", readModels.gapCount());
        List<Gap> recent = readModels.gaps(5);
        if (!recent.isEmpty()) {
            builder.withDetail("recentGaps", recent.stream().map(ReadModelHealthIndicator::describe).toList());
        }
        Map<String, Object> last = lastApplied.get();
        if (last != null) {
            builder.withDetail("lastApplied", last);
        }
        Map<String, Long> events = new LinkedHashMap<>();
        for (String outcome : new String[] {"applied", "skipped", "gap", "dead_lettered", "ignored"}) {
            events.put(outcome, metrics.total(outcome));
        }
        builder.withDetail("eventsSinceStart", events);
    }

    private static Map<String, Object> describe(Gap gap) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("aggregateType", gap.aggregateType());
        details.put("aggregateId", gap.aggregateId());
        details.put("expectedVersion", gap.expectedVersion());
        details.put("receivedVersion", gap.receivedVersion());
        details.put("eventId", gap.eventId().toString());
        details.put("eventType", gap.eventType());
        details.put("publishedAt", gap.publishedAt().toString());
        return details;
    }
}
