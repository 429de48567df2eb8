package io.sitrep.timeline.ingest;

import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.timeline.readmodel.VersionCheck;
import io.sitrep.timeline.readmodel.persistence.ApplyResult;
import io.sitrep.timeline.readmodel.persistence.ReadModelWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies events to the read models, one transaction per batch of the live consumer or of a rebuild. */
@Service
public class EventApplier {

    private final JdbcTemplate jdbc;
    private final ReadModelWriter writer;
    private final JsonMapper json;

    EventApplier(JdbcTemplate jdbc, ReadModelWriter writer, JsonMapper json) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.json = json;
    }

    /**
     * Applies the live consumer's events, in order, to the current generation, records how far the consumer
     * got in each partition, and queues the events for the live stream of every instance, in one transaction.
     * The current generation is held {@code FOR SHARE} until commit, so a rebuild cannot switch generations
     * under it. An event at the version already applied is queued too (a rebuild may have applied it ahead
     * of this consumer), but an event id is queued once only. The stream is public: an internal incident's events
     * are not queued, and a public incident's events lose what only responders see (see {@link #publicData}).
     *
     * @param events    decoded events, in the order of their records
     * @param positions the last record of each partition the batch covers, decoded or not
     * @return what became of each event, in the same order
     */
    @Transactional
    public List<ApplyResult> applyLive(List<ConsumedEvent> events, List<RecordPosition> positions) {
        Long generation = jdbc.queryForObject("SELECT generation FROM current_generation FOR SHARE", Long.class);
        List<ApplyResult> results = writer.apply(events.stream().map(ConsumedEvent::event).toList(), generation);
        List<Object[]> streamed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            SitrepEvent event = events.get(i).event();
            if (results.get(i).check() != VersionCheck.SKIP_OLD && isPublic(event)) {
                streamed.add(new Object[] {event.eventId(), event.type().wireName(), publicData(event, events.get(i).data())});
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).event() instanceof IncidentDeleted deleted && results.get(i).check() != VersionCheck.SKIP_OLD) {
                // Deleted means gone from every public surface: a client resuming the stream must not be sent it again.
                // Matched as text, as written (compact JSON): a cast to jsonb would refuse data holding an escaped NUL,
                // and the batch with it.
                jdbc.update("DELETE FROM stream_events WHERE (type LIKE 'incident.%' OR type LIKE 'postmortem.%') AND strpos(data, ?) > 0",
                        "\"incidentId\":\"" + deleted.incidentId() + "\"");
            }
        }
        if (!streamed.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO stream_events (event_id, type, data) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                    streamed);
        }
        Map<String, Object[]> next = new LinkedHashMap<>();
        for (RecordPosition position : positions) {
            next.put(position.topic() + "-" + position.partition(),
                    new Object[] {position.topic(), position.partition(), position.offset() + 1});
        }
        jdbc.batchUpdate("""
                        INSERT INTO applied_offsets (topic, partition, next_offset) VALUES (?, ?, ?)
                        ON CONFLICT (topic, partition) DO UPDATE SET next_offset = GREATEST(applied_offsets.next_offset, EXCLUDED.next_offset)""",
                new ArrayList<>(next.values()));
        return results;
    }

    private static boolean isPublic(SitrepEvent event) {
        return !(event instanceof IncidentEvent incident) || incident.incident().isPublic();
    }

    /**
     * The event's data as the public may see it: any event without its actor, a publish or an edit without the
     * earlier title (an alert's name, or a typo), a corrected update without its earlier text, and a deletion without
     * its reason. Other fields pass unchanged.
     */
    String publicData(SitrepEvent event, String data) {
        JsonNode tree = json.readTree(data);
        if (tree instanceof ObjectNode object) {
            object.remove(event instanceof IncidentEvent ? List.of("actor", "previousTitle", "previousMessage", "reason") : List.of("actor"));
            return json.writeValueAsString(object);
        }
        return data;
    }

    /**
     * Applies a batch of events, in order, to a generation being built, in a transaction of its own
     * even when called within another: once the rebuild has moved past the records, they stay applied.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void applyToGeneration(List<SitrepEvent> events, long generation) {
        writer.apply(events, generation);
    }
}
