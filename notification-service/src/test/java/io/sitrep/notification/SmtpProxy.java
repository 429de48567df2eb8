package io.sitrep.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of the tests' SMTP server that sees every SMTP session from the server's side: it numbers the
 * connections, records the recipients each carried ({@code RCPT TO}), and, when told to, drops a connection in the
 * middle of a session, as a network or a server that goes away would.
 */
public final class SmtpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<Integer, List<String>> recipients = new ConcurrentHashMap<>();
    /** Drop the next session that carried a message before and now names a recipient containing this. */
    private final AtomicReference<String> dropMarker = new AtomicReference<>();
    private final AtomicReference<String> dropped = new AtomicReference<>();

    private SmtpProxy(int upstream) {
        this.upstream = upstream;
        try {
            server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    /** A proxy to the SMTP server on 127.0.0.1 at {@code port}. */
    public static SmtpProxy to(int port) {
        return new SmtpProxy(port);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were opened so far. */
    public int connections() {
        return connections.get();
    }

    /** The connections (by number) that carried a message to a recipient containing {@code marker}, with how many each. */
    public Map<Integer, Long> connectionsCarrying(String marker) {
        Map<Integer, Long> carrying = new java.util.TreeMap<>();
        recipients.forEach((connection, to) -> {
            long mine = to.stream().filter(r -> r.contains(marker)).count();
            if (mine > 0) {
                carrying.put(connection, mine);
            }
        });
        return carrying;
    }

    /**
     * Drops, once, the first session that already carried a message and then names a recipient containing
     * {@code marker}: before the server hears of that recipient, so the server never has its message.
     */
    public void dropOnceMidSession(String marker) {
        dropped.set(null);
        dropMarker.set(marker);
    }

    /** The recipient whose message the dropped session carried, or null while none was dropped. */
    public String dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                int number = connections.incrementAndGet();
                recipients.put(number, new CopyOnWriteArrayList<>());
                threads.execute(() -> relay(number, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(int number, Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream)) {
            threads.execute(() -> copy(server, client));
            InputStream in = client.getInputStream();
            OutputStream out = server.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.toUpperCase(Locale.ROOT).startsWith("RCPT TO:")) {
                    String to = text.substring("RCPT TO:".length()).strip();
                    List<String> carried = recipients.get(number);
                    String marker = dropMarker.get();
                    if (marker != null && to.contains(marker) && !carried.isEmpty() && dropMarker.compareAndSet(marker, null)) {
                        dropped.set(to);
                        return;
                    }
                    carried.add(to);
                }
                out.write(line.toByteArray());
                out.flush();
                line.reset();
            }
        } catch (IOException e) {
            // One side went away; the other is closed with it.
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // Closed.
        } finally {
            try {
                to.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        threads.shutdownNow();
    }
}
