package io.sitrep.timeline.stream;

/**
 * One event of the stream.
 *
 * @param id   the event id, for {@code Last-Event-ID}; null for a control event
 * @param name the SSE event name: the event's wire type, or {@code sitrep.resync}
 * @param data the JSON data
 */
public record StreamEvent(String id, String name, String data) {
}
