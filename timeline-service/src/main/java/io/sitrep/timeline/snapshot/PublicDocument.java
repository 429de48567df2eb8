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
import java.util.zip.GZIPOutputStream;

/**
 * One public answer, ready to send: its bytes, the same gzipped, and its validators. The entity tag is strong: it is a
 * digest of the exact bytes, so two instances that read the same state give the same tag.
 *
 * @param path         the request path it answers, e.g. {@code /api/v2/summary.json}
 * @param contentType  its {@code Content-Type}
 * @param body         the bytes of the answer
 * @param gzip         the same bytes gzipped
 * @param etag         the strong entity tag of {@code body}, quoted; the gzipped form's is {@link #gzipEtag()}
 * @param lastModified when the snapshot that first had these bytes was read, to the second
 */
public record PublicDocument(String path, String contentType, byte[] body, byte[] gzip, String etag, Instant lastModified) {

    static PublicDocument of(String path, String contentType, byte[] body, Instant readAt) {
        return new PublicDocument(path, contentType, body, gzip(body), etagOf(body), readAt.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The entity tag of the gzipped representation: another representation, so another strong tag. */
    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    /** This document with the validators of an earlier one, when the bytes are the same. */
    PublicDocument since(PublicDocument earlier) {
        if (earlier != null && earlier.etag.equals(etag) && Arrays.equals(earlier.body, body) && earlier.contentType.equals(contentType)) {
            return earlier;
        }
        return this;
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
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "PublicDocument[" + path + ", " + contentType + ", " + body.length + " bytes, " + etag + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicDocument that && path.equals(that.path) && etag.equals(that.etag)
                && contentType.equals(that.contentType) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + etag.hashCode();
    }

    /** Text as UTF-8 bytes. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
