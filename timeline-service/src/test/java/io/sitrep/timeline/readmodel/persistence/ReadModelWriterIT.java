package io.sitrep.timeline.readmodel.persistence;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.SitrepEvent;
import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.readmodel.VersionCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch checks each event against the ones before it in the same batch, as if they came one at a time. */
class ReadModelWriterIT extends IntegrationTest {

    @Autowired
    private ReadModelWriter writer;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void oneBatchAppliesAnIncidentsConsecutiveEventsSkipsTheRepeatAndRecordsTheGap() {
        IncidentStory story = IncidentStory.of("Batched");
        SitrepEvent opened = story.open(Impact.MINOR, "Looking.");
        IncidentUpdated identified = story.update(IncidentStatus.IDENTIFIED, Impact.MAJOR, "Found it.");
        story.update(IncidentStatus.MONITORING, Impact.MAJOR, "Never arrives.");
        IncidentUpdated monitoring = story.update(IncidentStatus.MONITORING, Impact.MINOR, "Watching.");

        List<ApplyResult> results = apply(opened, identified, identified, monitoring);

        assertThat(results).extracting(ApplyResult::check).containsExactly(VersionCheck.APPLY, VersionCheck.APPLY,
                VersionCheck.SKIP_CURRENT, VersionCheck.APPLY_AFTER_GAP);
        assertThat(results.get(3).gap().expectedVersion()).isEqualTo(3);
        assertThat(count("SELECT version FROM incidents WHERE id = ? AND generation = (SELECT generation FROM current_generation)",
                story.id())).isEqualTo(4L);
        assertThat(jdbc.sql("SELECT impact FROM incidents WHERE id = ?").param(story.id()).query(String.class).single()).isEqualTo("minor");
        assertThat(count("SELECT count(*) FROM timeline_entries WHERE incident_id = ?", story.id())).isEqualTo(3L);
        assertThat(count("SELECT count(*) FROM incident_versions WHERE incident_id = ?", story.id())).isEqualTo(3L);
        assertThat(count("SELECT count(*) FROM version_gaps WHERE aggregate_id = ? AND expected_version = 3 AND received_version = 4",
                story.id().toString())).isEqualTo(1L);
    }

    @Test
    void aBatchSkipsWhatEarlierBatchesApplied() {
        IncidentStory story = IncidentStory.of("Replayed");
        SitrepEvent opened = story.open(Impact.MINOR, "Looking.");
        SitrepEvent identified = story.update(IncidentStatus.IDENTIFIED, Impact.MINOR, "Found it.");
        SitrepEvent resolved = story.resolve("Fixed.");
        apply(opened, identified);

        List<ApplyResult> results = apply(opened, identified, resolved);

        assertThat(results).extracting(ApplyResult::check).containsExactly(VersionCheck.SKIP_OLD, VersionCheck.SKIP_CURRENT,
                VersionCheck.APPLY);
        assertThat(jdbc.sql("SELECT status FROM incidents WHERE id = ?").param(story.id()).query(String.class).single())
                .isEqualTo("resolved");
    }

    @Test
    void aComponentIsDatedByTheFirstEventItsBatchApplied() {
        ComponentStory component = ComponentStory.fresh("batched");
        Instant defined = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        SitrepEvent definition = component.define("Batched", "Core", defined);
        SitrepEvent degraded = component.status(ComponentStatus.DEGRADED_PERFORMANCE, null, defined.plus(1, ChronoUnit.HOURS));

        apply(definition, degraded);

        OffsetDateTime createdAt = jdbc.sql("SELECT created_at FROM components WHERE id = ?").param(component.id())
                .query(OffsetDateTime.class).single();
        assertThat(createdAt.toInstant()).isEqualTo(defined);
        assertThat(count("SELECT count(*) FROM component_status_history WHERE component_id = ?", component.id())).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT status FROM components WHERE id = ?").param(component.id()).query(String.class).single())
                .isEqualTo("degraded_performance");
    }

    private List<ApplyResult> apply(SitrepEvent... events) {
        return transactions.execute(status -> writer.apply(List.of(events),
                jdbc.sql("SELECT generation FROM current_generation").query(Long.class).single()));
    }
}
