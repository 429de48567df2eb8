package io.sitrep.notification.webhook;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first bytes of a response body, as UTF-8 text, and discards the rest: a receiver's refusal is read,
 * and a receiver that answers megabytes costs no more memory than a short one.
 */
final class BoundedTextConsumer extends AbstractBinAsyncEntityConsumer<String> {

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    BoundedTextConsumer(int limit) {
        this.limit = limit;
    }

    @Override
    protected void streamStart(ContentType contentType) {
    }

    @Override
    protected String generateContent() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    @Override
    protected int capacityIncrement() {
        return 8192;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
        int take = Math.min(src.remaining(), limit - kept.size());
        for (int i = 0; i < take; i++) {
            kept.write(src.get());
        }
        src.position(src.limit());
    }

    @Override
    public void releaseResources() {
    }
}
