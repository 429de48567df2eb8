package io.sitrep.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The harness's HTTP client: plain HTTP/1.1 over kept-alive loopback connections, as an on-call tool
 * would call the APIs. It is a few dozen lines of blocking socket code rather than the JDK's client,
 * whose selector threads and futures cost the shared two cores about as much per request as the
 * service answering it: what the harness spends is taken from the system it measures.
 */
final class Http {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    /** An answer: its status, body and ETag (null when there is none). */
    record Response(int status, String body, String etag) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The version an incident's ETag ({@code "3"}) names. */
        long version() {
            return Long.parseLong(etag.replace("\"", ""));
        }
    }

    /** Idle connections per host and port; a connection serves one request at a time. */
    private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();
    /** Sent as a bearer key with every request; null for a reader of the public page, who has none. */
    private final String apiKey;

    Http(String apiKey) {
        this.apiKey = apiKey;
    }

    /** A client without a key, as a customer's browser or a status widget reads the public answers. */
    static Http anonymous() {
        return new Http(null);
    }

    Response get(String url) {
        return send("GET", url, null);
    }

    Response post(String url, String json) {
        return send("POST", url, json);
    }

    /** A POST with extra headers, given as name, value, name, value, … */
    Response post(String url, String json, String... headers) {
        return send("POST", url, json, headers);
    }

    Response put(String url, String json) {
        return send("PUT", url, json);
    }

    Response send(String method, String url, String json, String... headers) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (apiKey != null) {
            head.append("Authorization: Bearer ").append(apiKey).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        String key = uri.getHost() + ":" + uri.getPort();
        // A kept-alive connection the server closed meanwhile fails on first use: one more try, on a new one (the
        // other idle connections are likely as old).
        for (int attempt = 0; ; attempt++) {
            Connection connection = attempt == 0 ? take(key) : null;
            boolean fresh = connection == null;
            try {
                if (fresh) {
                    connection = new Connection(uri.getHost(), uri.getPort());
                }
                Response response = connection.exchange(request, body, method.equals("HEAD"));
                if (connection.reusable) {
                    Deque<Connection> pool = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
                    synchronized (pool) {
                        pool.push(connection);
                    }
                } else {
                    connection.close();
                }
                return response;
            } catch (IOException e) {
                if (connection != null) {
                    connection.close();
                }
                if (fresh || attempt > 0) {
                    return new Response(-1, e.toString(), null);
                }
            }
        }
    }

    private Connection take(String key) {
        Deque<Connection> pool = idle.get(key);
        if (pool == null) {
            return null;
        }
        synchronized (pool) {
            return pool.poll();
        }
    }

    /** The same call that must succeed: setting up a run, not measuring it. */
    Response expect(String method, String url, String json) {
        Response response = send(method, url, json);
        if (!response.ok()) {
            throw new IllegalStateException(method + " " + url + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    /** One kept-alive connection. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        boolean reusable = true;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Response exchange(byte[] head, byte[] body, boolean noBody) throws IOException {
            if (body.length == 0) {
                out.write(head);
            } else {
                byte[] whole = new byte[head.length + body.length];
                System.arraycopy(head, 0, whole, 0, head.length);
                System.arraycopy(body, 0, whole, head.length, body.length);
                out.write(whole);
            }
            out.flush();
            String statusLine = line();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
                throw new IOException("no HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String etag = null;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> reusable &= !value.equalsIgnoreCase("close");
                    case "etag" -> etag = value;
                    default -> {
                    }
                }
            }
            byte[] content;
            if (noBody || status == 204 || status == 304 || status / 100 == 1) {
                content = new byte[0];
            } else if (chunked) {
                content = chunks();
            } else if (length >= 0) {
                content = in.readNBytes((int) Math.min(length, MAX_BODY));
            } else {
                // Neither length nor chunks: the body runs to the end of the connection.
                content = in.readAllBytes();
                reusable = false;
            }
            return new Response(status, new String(content, StandardCharsets.UTF_8), etag);
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                if (size == null) {
                    throw new IOException("the chunked body ended early");
                }
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                        // trailers are not used
                    }
                    return content.toByteArray();
                }
                content.write(in.readNBytes(n));
                line();
                if (content.size() > MAX_BODY) {
                    throw new IOException("body over " + MAX_BODY + " bytes");
                }
            }
        }

        /** A line without its CRLF; null at the end of the stream. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
