package io.sitrep.timeline.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans applied events out to stream clients. The feed only appends to a bounded buffer of recent
 * events and offers each event to every client's bounded queue, under a short lock: it never waits
 * for a client. Each client has a sender thread of its own that drains its queue into the response
 * and sends a heartbeat when the queue stays empty. A client whose queue is full is too slow: it is
 * disconnected, and resumes from the buffer when it reconnects with {@code Last-Event-ID}.
 */
public class EventStream {

    /** The control event telling a client that the stream cannot resume where it asked: reload, then listen on. */
    public static final String RESYNC = "sitrep.resync";

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final StreamSettings settings;
    private final Object lock = new Object();
    private final LinkedHashMap<String, StreamEvent> recent = new LinkedHashMap<>();
    private final List<Client> clients = new ArrayList<>();
    private volatile boolean closed;

    public EventStream(StreamSettings settings) {
        this.settings = settings;
    }

    /** Sends an event to every client, unless it was sent already; returns at once. */
    public void publish(StreamEvent streamEvent) {
        List<Client> slow = new ArrayList<>();
        synchronized (lock) {
            if (recent.containsKey(streamEvent.id())) {
                return;
            }
            recent.put(streamEvent.id(), streamEvent);
            if (recent.size() > settings.bufferSize()) {
                Iterator<String> oldest = recent.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            for (Client client : clients) {
                if (!client.offer(streamEvent)) {
                    slow.add(client);
                }
            }
        }
        for (Client client : slow) {
            log.info("Disconnecting stream client {}: more than {} events behind", client.name, settings.clientQueueSize());
            client.cancel();
        }
    }

    /**
     * Connects a client. With a {@code lastEventId} the events after it are sent first; when that id
     * is no longer (or never was) in the buffer, a {@value #RESYNC} event is sent first instead.
     *
     * @throws TooManyClients when {@code maxClients} are connected already
     */
    public Subscription subscribe(String lastEventId, Sink sink) {
        Client client;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the stream is closed");
            }
            if (clients.size() >= settings.maxClients()) {
                throw new TooManyClients(settings.maxClients());
            }
            List<StreamEvent> backlog = new ArrayList<>();
            if (lastEventId != null && !lastEventId.isBlank()) {
                if (recent.containsKey(lastEventId)) {
                    boolean after = false;
                    for (Map.Entry<String, StreamEvent> entry : recent.entrySet()) {
                        if (after) {
                            backlog.add(entry.getValue());
                        }
                        after |= entry.getKey().equals(lastEventId);
                    }
                } else {
                    backlog.add(new StreamEvent(null, RESYNC,
                            "{\"reason\":\"the stream no longer holds the events after " + lastEventId.replaceAll("[^A-Za-z0-9-]", "")
                                    + "; read the current state again\"}"));
                }
            }
            client = new Client("sse-client-" + THREADS.incrementAndGet(), sink, backlog);
            clients.add(client);
        }
        client.start();
        return client;
    }

    /** How many clients are connected. */
    public int clients() {
        synchronized (lock) {
            return clients.size();
        }
    }

    /** Disconnects every client, e.g. on shutdown. */
    public void close() {
        List<Client> all;
        synchronized (lock) {
            closed = true;
            all = List.copyOf(clients);
        }
        all.forEach(Client::cancel);
    }

    private void remove(Client client) {
        synchronized (lock) {
            clients.remove(client);
        }
    }

    /** A connected client; cancel it to disconnect. */
    public interface Subscription {

        void cancel();
    }

    private final class Client implements Subscription, Runnable {

        private final String name;
        private final Sink sink;
        private final BlockingQueue<StreamEvent> queue;
        private final int capacity;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final Thread thread;

        Client(String name, Sink sink, List<StreamEvent> backlog) {
            this.name = name;
            this.sink = sink;
            this.capacity = settings.clientQueueSize() + backlog.size();
            this.queue = new LinkedBlockingQueue<>(capacity);
            queue.addAll(backlog);
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        /** False when the client is too far behind to take another event. */
        boolean offer(StreamEvent event) {
            return !cancelled.get() && queue.offer(event);
        }

        @Override
        public void run() {
            long heartbeat = settings.heartbeatInterval().toMillis();
            try {
                while (!cancelled.get()) {
                    StreamEvent event = queue.poll(heartbeat, TimeUnit.MILLISECONDS);
                    if (cancelled.get()) {
                        break;
                    }
                    if (event == null) {
                        sink.comment("heartbeat");
                    } else {
                        sink.send(event);
                    }
                }
            } catch (IOException e) {
                log.debug("Stream client {} went away: {}", name, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.debug("Stream client {} failed: {}", name, e.toString());
            } finally {
                cancel();
                // Only this thread touches the sink: closing it elsewhere could wait on a write stuck on a slow client.
                sink.close();
            }
        }

        /** Never blocks: the client's own thread closes the response. */
        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                remove(this);
                queue.clear();
                thread.interrupt();
            }
        }
    }
}
