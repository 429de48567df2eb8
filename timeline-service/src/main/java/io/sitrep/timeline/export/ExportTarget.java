package io.sitrep.timeline.export;

import io.sitrep.timeline.snapshot.PublicDocument;

import java.io.IOException;
import java.util.Set;

/** Where the static export goes: a directory or a bucket. Called from its export's own thread only. */
interface ExportTarget {

    /** Names the target in health, metrics and logs: {@code directory} or {@code s3}. */
    String name();

    /** The incident pages already there (as request paths, {@code /incidents/{id}}), so that those gone from the snapshot are removed. */
    Set<String> existingIncidentPages() throws IOException;

    /** Writes the document so that a reader sees either the old bytes or the new ones, never a part. */
    void write(PublicDocument document, String cacheControl) throws IOException;

    void delete(String path) throws IOException;
}
