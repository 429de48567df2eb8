package io.sitrep.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Many readers of a status page at once: each holds a kept-alive HTTP/1.1 connection and sends its next GET as soon as
 * the last answer is in (closed loop), round the given paths. All of them run on one thread over one selector: a thread
 * per reader, or the JDK's client, would cost the two shared cores more than the servers answering them. A revalidating
 * reader sends {@code If-None-Match} with the entity tag it last got for the path, as a browser does on reload; the
 * bodies are counted and dropped, never parsed.
 */
final class Readers {

    private static final int MAX_HEAD = 16 * 1024;
    private static final int READ_BUFFER = 64 * 1024;

    /** How the readers ask: with {@code If-None-Match} or not, accepting gzip or not. */
    record Mode(boolean revalidate, boolean gzip) {

        String describe() {
            return (revalidate ? "revalidating" : "full answers") + (gzip ? ", gzip" : "");
        }
    }

    /**
     * What the readers got: answers by kind, failures (no answer, a status other than 200 and 304, a body that does not
     * end), reconnections, bytes of bodies, and the latency of every answer from its request's first byte.
     */
    record Outcome(long full, long notModified, long failed, long reconnects, long bodyBytes, Latency latency, double seconds) {

        long answers() {
            return full + notModified;
        }

        double perSecond() {
            return answers() / seconds;
        }

        double fullPerSecond() {
            return full / seconds;
        }

        double notModifiedPerSecond() {
            return notModified / seconds;
        }

        /** The share of answers that were 304 Not Modified. */
        double notModifiedShare() {
            return answers() == 0 ? Double.NaN : (double) notModified / answers();
        }
    }

    private Readers() {
    }

    /** {@code clients} readers GET the paths from {@code host:port} for {@code duration}. */
    static Outcome run(String host, int port, List<String> paths, int clients, Duration duration, Mode mode) {
        if (paths.isEmpty() || clients < 1) {
            throw new IllegalArgumentException("at least one path and one client");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        Latency latency = new Latency();
        Counts counts = new Counts();
        try (Selector selector = Selector.open()) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
            List<Reader> readers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Reader reader = new Reader(address, host + ":" + port, paths, i % paths.size(), mode);
                reader.connect(selector);
                readers.add(reader);
            }
            long start = Stamp.now();
            long end = start + duration.toNanos();
            while (Stamp.now() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Reader reader = (Reader) key.attachment();
                    try {
                        reader.ready(key, buffer, latency, counts, selector);
                    } catch (IOException | RuntimeException e) {
                        counts.failed++;
                        reader.reconnect(selector, counts);
                    }
                }
                selector.selectedKeys().clear();
            }
            double seconds = (Stamp.now() - start) / 1e9;
            readers.forEach(Reader::close);
            return new Outcome(counts.full, counts.notModified, counts.failed, counts.reconnects, counts.bodyBytes, latency, seconds);
        } catch (IOException e) {
            throw new IllegalStateException("the readers could not run against " + address, e);
        }
    }

    /** Counters, touched by the selector's thread only. */
    private static final class Counts {
        long full;
        long notModified;
        long failed;
        long reconnects;
        long bodyBytes;
    }

    /** One reader: its connection, the request it is sending and the answer it is reading. */
    private static final class Reader {

        private final InetSocketAddress address;
        private final String host;
        private final List<String> paths;
        private final Mode mode;
        private final Map<String, String> etags = new HashMap<>();
        private final byte[] head = new byte[MAX_HEAD];
        private SocketChannel channel;
        private int next;
        private String path;
        private ByteBuffer request;
        private long sentAt;
        private int headLength;
        private boolean inBody;
        private long bodyLeft;
        private int status;
        private String etag;
        private boolean closeAfter;

        Reader(InetSocketAddress address, String host, List<String> paths, int first, Mode mode) {
            this.address = address;
            this.host = host;
            this.paths = paths;
            this.next = first;
            this.mode = mode;
        }

        void connect(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(address);
            prepare();
            SelectionKey key = channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
            key.attach(this);
        }

        /** The next request; its latency runs from now, so a reconnection counts in the answer it delays. */
        private void prepare() {
            path = paths.get(next);
            next = (next + 1) % paths.size();
            StringBuilder text = new StringBuilder(160).append("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
            if (mode.gzip()) {
                text.append("Accept-Encoding: gzip\r\n");
            }
            String known = mode.revalidate() ? etags.get(path) : null;
            if (known != null) {
                text.append("If-None-Match: ").append(known).append("\r\n");
            }
            request = ByteBuffer.wrap(text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            sentAt = Stamp.now();
            headLength = 0;
            inBody = false;
            bodyLeft = 0;
            status = 0;
            etag = null;
            closeAfter = false;
        }

        void ready(SelectionKey key, ByteBuffer buffer, Latency latency, Counts counts, Selector selector) throws IOException {
            if (key.isConnectable()) {
                if (!channel.finishConnect()) {
                    return;
                }
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable()) {
                channel.write(request);
                if (!request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return;
            }
            if (!key.isValid() || !key.isReadable()) {
                return;
            }
            buffer.clear();
            int read = channel.read(buffer);
            if (read < 0) {
                throw new IOException("the server closed the connection before the answer ended");
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                if (!inBody) {
                    head[headLength++] = buffer.get();
                    if (headLength >= 4 && head[headLength - 1] == '\n' && head[headLength - 2] == '\r' && head[headLength - 3] == '\n'
                            && head[headLength - 4] == '\r') {
                        parseHead();
                        inBody = true;
                    } else if (headLength == MAX_HEAD) {
                        throw new IOException("an answer's head over " + MAX_HEAD + " bytes");
                    }
                } else {
                    int skip = (int) Math.min(bodyLeft, buffer.remaining());
                    buffer.position(buffer.position() + skip);
                    bodyLeft -= skip;
                    counts.bodyBytes += skip;
                }
                if (inBody && bodyLeft == 0) {
                    if (buffer.hasRemaining()) {
                        throw new IOException("bytes after the answer, before the next request");
                    }
                    answered(latency, counts);
                    if (closeAfter) {
                        reconnect(selector, counts);
                    } else {
                        prepare();
                        key.interestOps(SelectionKey.OP_WRITE);
                    }
                    return;
                }
            }
        }

        private void parseHead() throws IOException {
            String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
            String[] lines = text.split("\r\n");
            if (!lines[0].startsWith("HTTP/1.") || lines[0].length() < 12) {
                throw new IOException("not an HTTP answer: " + lines[0]);
            }
            status = Integer.parseInt(lines[0].substring(9, 12));
            long length = -1;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "etag" -> etag = value;
                    case "connection" -> closeAfter |= value.equalsIgnoreCase("close");
                    case "transfer-encoding" -> throw new IOException("chunked answers are not read: " + value);
                    default -> {
                    }
                }
            }
            if (status == 304 || status == 204 || status / 100 == 1) {
                bodyLeft = 0;
            } else if (length < 0) {
                throw new IOException("an answer without Content-Length");
            } else {
                bodyLeft = length;
            }
        }

        private void answered(Latency latency, Counts counts) {
            latency.record(Stamp.now() - sentAt);
            if (status == 200) {
                counts.full++;
                if (etag != null) {
                    etags.put(path, etag);
                }
            } else if (status == 304) {
                counts.notModified++;
            } else {
                counts.failed++;
            }
        }

        /** A new connection for the next request, keeping the entity tags this reader knows. */
        void reconnect(Selector selector, Counts counts) {
            close();
            counts.reconnects++;
            try {
                connect(selector);
            } catch (IOException e) {
                counts.failed++;
            }
        }

        void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
