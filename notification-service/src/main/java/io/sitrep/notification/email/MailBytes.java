package io.sitrep.notification.email;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer for one mail's encoded form; not thread-safe, and never synchronised per byte. */
final class MailBytes {

    private static final byte[] CRLF = {'\r', '\n'};

    private byte[] bytes;
    private int length;

    MailBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void put(int b) {
        if (length == bytes.length) {
            grow(1);
        }
        bytes[length++] = (byte) b;
    }

    void put(byte[] b) {
        put(b, 0, b.length);
    }

    void put(byte[] b, int offset, int count) {
        if (length + count > bytes.length) {
            grow(count);
        }
        System.arraycopy(b, offset, bytes, length, count);
        length += count;
    }

    /** Text that is US-ASCII, or UTF-8 where it is not (header lines are ASCII once encoded). */
    void put(String s) {
        put(s.getBytes(StandardCharsets.UTF_8));
    }

    void crlf() {
        put(CRLF, 0, 2);
    }

    int length() {
        return length;
    }

    /** The bytes written so far, in an array of their own. */
    byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The buffer itself, valid up to {@link #length}. */
    byte[] array() {
        return bytes;
    }

    private void grow(int more) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
}
