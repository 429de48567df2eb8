package io.sitrep.timeline.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * One public answer, ready to send: its bytes, the same gzipped, and its validators. The entity tag is strong: it is a
 * digest of the exact bytes, so two instances that read the same state give the same tag. It is made the first time it
 * is asked for (by an answer, or the static export), not when the document is built: most documents a build renders
 * anew are replaced by the next build before anyone asks for them, and digesting each on the build thread cost the
 * builds more than a tenth of their time. The successor of a document whose tag was asked for is digested on the build
 * thread, as its gzipped bytes are.
 *
 * <p>The gzipped bytes are made the first time they are asked for, once, and kept: most documents of a snapshot (incident
 * pages nobody opens, the feed, the smaller API answers) are never asked for gzipped before the next snapshot replaces
 * them, and compressing every one of them on every build cost the snapshot's builds more than rendering did. A document
 * whose gzipped bytes were asked for is compressed on the build thread when its successor is built, so readers of the
 * busy paths do not wait for it.
 */
public final class PublicDocument {

    private final String path;
    private final String contentType;
    private final byte[] body;
    /** Made at the first call; a race makes equal ones. */
    private volatile String etag;
    /** Made once: every revalidation compares both tags. */
    private volatile String gzipEtag;
    private final Instant lastModified;
    /** What the document was rendered from, when it says when it last changed; null when its bytes are all it is known by. */
    private final Object inputs;
    private volatile byte[] gzip;
    private volatile boolean gzipAskedFor;
    private volatile ReadyHeaders ready;

    private PublicDocument(String path, String contentType, byte[] body, Instant lastModified, Object inputs) {
        this.path = path;
        this.contentType = contentType;
        this.body = body;
        this.lastModified = lastModified;
        this.inputs = inputs;
    }

    static PublicDocument of(String path, String contentType, byte[] body, Instant readAt) {
        return of(path, contentType, body, readAt, null);
    }

    private static PublicDocument of(String path, String contentType, byte[] body, Instant readAt, Object inputs) {
        return new PublicDocument(path, contentType, body, readAt.truncatedTo(ChronoUnit.SECONDS), inputs);
    }

    /**
     * The document for these bytes in a new snapshot: the earlier one itself (its tag, its {@code Last-Modified}, its
     * gzipped bytes) when the bytes are the same, so unchanged answers cost neither a digest nor a compression; otherwise
     * a new one, gzipped at once when the earlier one's gzipped bytes were asked for.
     */
    static PublicDocument next(PublicDocument earlier, String path, String contentType, byte[] body, Instant readAt) {
        if (earlier != null && earlier.contentType.equals(contentType) && Arrays.equals(earlier.body, body)) {
            return earlier;
        }
        return successor(earlier, of(path, contentType, body, readAt));
    }

    /**
     * The document rendered from {@code inputs} in a new snapshot, for a document that states when it last changed (a
     * page's "Updated"): the earlier one itself when it was rendered from equal inputs, without rendering it again, so
     * that its bytes, its tag and the moment it states hold until what it shows changes; otherwise rendered now, with
     * {@code readAt} as the moment it changed, and gzipped at once when the earlier one's gzipped bytes were asked for.
     */
    static PublicDocument rendered(PublicDocument earlier, String path, String contentType, Object inputs, Instant readAt,
                                   Function<Instant, byte[]> render) {
        if (earlier != null && earlier.contentType.equals(contentType) && inputs.equals(earlier.inputs)) {
            return earlier;
        }
        return successor(earlier, of(path, contentType, render.apply(readAt.truncatedTo(ChronoUnit.SECONDS)), readAt, inputs));
    }

    private static PublicDocument successor(PublicDocument earlier, PublicDocument document) {
        if (earlier != null && earlier.gzipAskedFor) {
            document.gzip();
        }
        // A path that is asked for: its answers do not wait for the digest.
        if (earlier != null && earlier.etag != null) {
            document.etag();
        }
        return document;
    }

    /** The request path it answers, e.g. {@code /api/v2/summary.json}. */
    public String path() {
        return path;
    }

    /** Its {@code Content-Type}. */
    public String contentType() {
        return contentType;
    }

    /** The bytes of the answer. */
    public byte[] body() {
        return body;
    }

    /** The strong entity tag of {@link #body()}, quoted; the gzipped form's is {@link #gzipEtag()}. Made at the first call. */
    public String etag() {
        String tag = etag;
        if (tag == null) {
            tag = etagOf(body);
            etag = tag;
        }
        return tag;
    }

    /** When the snapshot that first had these bytes was read, to the second. */
    public Instant lastModified() {
        return lastModified;
    }

    /** The same bytes gzipped; made at the first call. */
    public byte[] gzip() {
        gzipAskedFor = true;
        byte[] compressed = gzip;
        if (compressed == null) {
            synchronized (this) {
                compressed = gzip;
                if (compressed == null) {
                    compressed = gzip(body);
                    gzip = compressed;
                }
            }
        }
        return compressed;
    }

    /** Its own header values as bytes, for {@link SnapshotFastPath}; made at the first call (a race makes equal ones). */
    ReadyHeaders ready() {
        ReadyHeaders headers = ready;
        if (headers == null) {
            headers = ReadyHeaders.of(this);
            ready = headers;
        }
        return headers;
    }

    /** True once the gzipped bytes are made. */
    boolean compressed() {
        return gzip != null;
    }

    /** True once the entity tag is made. */
    boolean tagged() {
        return etag != null;
    }

    /** The entity tag of the gzipped representation: another representation, so another strong tag. */
    public String gzipEtag() {
        String tag = gzipEtag;
        if (tag == null) {
            String plain = etag();
            tag = plain.substring(0, plain.length() - 1) + "-gz\"";
            gzipEtag = tag;
        }
        return tag;
    }

    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "PublicDocument[" + path + ", " + contentType + ", " + body.length + " bytes, " + etag() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicDocument that && path.equals(that.path) && contentType.equals(that.contentType)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + body.length;
    }

    /** Text as UTF-8 bytes. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
