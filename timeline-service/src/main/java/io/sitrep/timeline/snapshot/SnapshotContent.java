package io.sitrep.timeline.snapshot;

import io.sitrep.timeline.readmodel.ReadModels;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the public surfaces render into while a snapshot is built: answers by path, all as of one moment. The surfaces read
 * one after the other and render side by side, each into its own paths.
 */
public final class SnapshotContent {

    public static final String HTML = "text/html;charset=UTF-8";
    public static final String JSON = "application/json";
    public static final String CSS = "text/css;charset=UTF-8";
    public static final String ATOM = "application/atom+xml;charset=UTF-8";
    public static final String RSS = "application/rss+xml;charset=UTF-8";

    private final Instant now;
    private final JsonMapper json;
    /** The documents of the snapshot in service, whose unchanged bytes are taken over as they are; empty for the first. */
    private final Map<String, PublicDocument> earlier;
    private final Map<String, PublicDocument> documents = new LinkedHashMap<>();
    /** What the build before read by incident version, taken over where the versions are unchanged; null for none. */
    private final SnapshotReads.Carried carried;
    private SnapshotReads reads;
    private boolean readEnded;

    SnapshotContent(Instant now, JsonMapper json) {
        this(now, json, Map.of());
    }

    SnapshotContent(Instant now, JsonMapper json, Map<String, PublicDocument> earlier) {
        this(now, json, earlier, null);
    }

    SnapshotContent(Instant now, JsonMapper json, Map<String, PublicDocument> earlier, SnapshotReads.Carried carried) {
        this.now = now;
        this.json = json;
        this.earlier = earlier;
        this.carried = carried;
    }

    /** The moment the snapshot's read began: the "now" of every document in it. */
    public Instant now() {
        return now;
    }

    /**
     * The build's reads through these read models, shared by every surface: what one surface read, the next one is answered
     * from within the same build. Every surface reads through the same read models.
     */
    public synchronized SnapshotReads reads(ReadModels readModels) {
        if (reads == null && readEnded) {
            throw new IllegalStateException("the snapshot's read has ended: a surface must read in PublicSurface.read");
        }
        if (reads == null) {
            reads = new SnapshotReads(readModels, carried);
        } else if (reads.readModels() != readModels) {
            throw new IllegalStateException("the surfaces of one snapshot read through different read models");
        }
        return reads;
    }

    public void html(String path, String html) {
        add(path, HTML, PublicDocument.utf8(html));
    }

    /**
     * A page that states when it last changed: rendered from {@code inputs} with the moment it is rendered, or taken over
     * from the snapshot in service, bytes, tag and stated moment alike, when that one was rendered from equal inputs.
     * {@code inputs} must hold everything the page shows but that moment, with equality over all of it.
     */
    public void html(String path, Object inputs, Function<Instant, String> render) {
        put(path, PublicDocument.rendered(earlier.get(path), path, HTML, inputs, now, changed -> PublicDocument.utf8(render.apply(changed))));
    }

    public void css(String path, String css) {
        add(path, CSS, PublicDocument.utf8(css));
    }

    public void atom(String path, String xml) {
        add(path, ATOM, PublicDocument.utf8(xml));
    }

    public void rss(String path, String xml) {
        add(path, RSS, PublicDocument.utf8(xml));
    }

    /** The value as JSON, written by the same mapper as the rest of the API. */
    public void json(String path, Object value) {
        add(path, JSON, json.writeValueAsBytes(value));
    }

    /** JSON already written, for a document assembled from kept parts. */
    public void json(String path, byte[] body) {
        add(path, JSON, body);
    }

    private void add(String path, String contentType, byte[] body) {
        put(path, PublicDocument.next(earlier.get(path), path, contentType, body, now));
    }

    /** Synchronized: the surfaces render side by side. */
    private synchronized void put(String path, PublicDocument document) {
        if (documents.putIfAbsent(path, document) != null) {
            throw new IllegalStateException("two answers for " + path);
        }
    }

    /** The snapshot's transaction has ended: from now on the shared reads answer only what was read. */
    synchronized void readEnded() {
        readEnded = true;
        if (reads != null) {
            reads.end();
        }
    }

    /** What this build read by incident version, for the next build; what it was given when it read nothing. */
    SnapshotReads.Carried carriedOver() {
        return reads == null ? carried : reads.carriedOver();
    }

    synchronized Map<String, PublicDocument> documents() {
        return documents;
    }
}
