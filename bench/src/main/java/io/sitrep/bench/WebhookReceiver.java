package io.sitrep.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A webhook endpoint on its own loopback address (127.0.0.n), as separate receivers are separate hosts. It
 * reads the token in each body and records the delivery with its run; it can be told to fail with 503 or
 * to hang without answering, as a broken receiver does.
 */
final class WebhookReceiver implements AutoCloseable {

    /** How the receiver answers. */
    enum Mode { OK, FAIL, HANG }

    private final int index;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Object modeChanged = new Object();
    private final AtomicLong requests = new AtomicLong();
    private final java.util.Set<InetSocketAddress> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.OK;
    private volatile BiConsumer<String, Stamp.Token> onDelivery = (webhookId, token) -> { };

    WebhookReceiver(int index, String host) {
        this(index, host, 8);
    }

    /** A receiver answering on at most {@code threads} requests at once. */
    WebhookReceiver(int index, String host, int threads) {
        this.index = index;
        try {
            server = HttpServer.create(new InetSocketAddress(host, 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + host, e);
        }
        this.threads = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "receiver-" + index);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(this.threads);
        server.createContext("/hook", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long at = Stamp.now();
            requests.incrementAndGet();
            connections.add(exchange.getRemoteAddress());
            awaitUnlessHanging();
            if (mode != Mode.OK) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Stamp.Token token = Stamp.find(body);
            Run run = Run.of(token);
            if (run != null) {
                run.receipts(index).received(token.seq(), token.intended(), at);
                onDelivery.accept(exchange.getRequestHeaders().getFirst("webhook-id"), token);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void awaitUnlessHanging() {
        synchronized (modeChanged) {
            while (mode == Mode.HANG) {
                try {
                    modeChanged.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void mode(Mode mode) {
        synchronized (modeChanged) {
            this.mode = mode;
            modeChanged.notifyAll();
        }
    }

    /** Tells {@code listener} the webhook-id (the delivery's id) of every message of a run it accepts from now on. */
    void onDelivery(BiConsumer<String, Stamp.Token> listener) {
        this.onDelivery = listener;
    }

    int index() {
        return index;
    }

    long requests() {
        return requests.get();
    }

    /** How many connections (client address and port) requests came in on: fewer than requests when senders keep them alive. */
    int connections() {
        return connections.size();
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        mode(Mode.OK);
        server.stop(0);
        threads.shutdownNow();
    }
}
