package io.sitrep.notification.email;

import io.sitrep.notification.webhook.WebhookPayload;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notification email of each stored event body, rendered once and kept while its recipients' mails go out: a
 * large list's update is decoded and rendered (its Markdown included) once, not once per subscriber. Bodies are the
 * key, byte for byte, so a public and an internal body of one event are two emails. Only the few most recently used
 * are kept. Thread-safe; two threads that miss at once both render, and either result is the same.
 */
public final class PreparedEmails {

    /** Events whose emails are kept: more than the events a burst sends at once over the mail pool. */
    static final int KEPT = 16;

    private final WebhookPayload payloads;
    private final EmailRenderer renderer;
    private final Map<ByteBuffer, PreparedEmail> kept = new LinkedHashMap<>(2 * KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, PreparedEmail> eldest) {
            return size() > KEPT;
        }
    };

    public PreparedEmails(WebhookPayload payloads, EmailRenderer renderer) {
        this.payloads = payloads;
        this.renderer = renderer;
    }

    /** The notification email of a stored webhook body, with a manage link as every notification has. */
    public PreparedEmail of(byte[] body) {
        ByteBuffer key = ByteBuffer.wrap(body);
        synchronized (kept) {
            PreparedEmail found = kept.get(key);
            if (found != null) {
                return found;
            }
        }
        PreparedEmail prepared = renderer.prepareNotification(payloads.event(body), true);
        synchronized (kept) {
            // A copy: the key must not change with an array someone else holds.
            kept.put(ByteBuffer.wrap(Arrays.copyOf(body, body.length)), prepared);
        }
        return prepared;
    }
}
