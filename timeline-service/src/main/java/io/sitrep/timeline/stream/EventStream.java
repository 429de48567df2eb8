package io.sitrep.timeline.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans applied events out to stream clients. The feed only appends to a bounded buffer of recent
 * events and offers each event to every client's bounded queue, under a short lock: it never waits
 * for a client. A few shared sender threads drain the queues into the responses without blocking:
 * a client that cannot take more is left until its response says it can, and a client whose queue
 * fills meanwhile is too slow: it is disconnected, and resumes from the buffer when it reconnects with
 * {@code Last-Event-ID}. The same threads send heartbeats and end each stream after its lifetime.
 * Nothing here holds a thread per client.
 */
public class EventStream {

    /** The control event telling a client that the stream cannot resume where it asked: reload, then listen on. */
    public static final String RESYNC = "sitrep.resync";
    /** The comment a stream ends with when its lifetime is up. */
    public static final String LIFETIME_REACHED = "lifetime reached; reconnect with Last-Event-ID";

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final int SENDER_THREADS = 2;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** The type whose event removes its incident's earlier events from the buffer. */
    private static final String DELETED = "incident.deleted";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final StreamSettings settings;
    private final ScheduledThreadPoolExecutor senders;
    private final Object lock = new Object();
    private final LinkedHashMap<String, StreamEvent> recent = new LinkedHashMap<>();
    private final List<Client> clients = new ArrayList<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private volatile boolean closed;

    public EventStream(StreamSettings settings) {
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.senders = new ScheduledThreadPoolExecutor(SENDER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "stream-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        senders.setRemoveOnCancelPolicy(true);
    }

    /** Sends an event to every client, unless it was sent already; returns at once. */
    public void publish(StreamEvent streamEvent) {
        List<Client> slow = new ArrayList<>();
        List<Client> offered;
        synchronized (lock) {
            if (recent.containsKey(streamEvent.id())) {
                return;
            }
            if (DELETED.equals(streamEvent.name())) {
                // A client resuming with Last-Event-ID is not sent a deleted incident's events again (an id no longer
                // held asks it to read the current state anew).
                String incident = incidentOf(streamEvent);
                recent.values().removeIf(held -> incident != null && (held.name().startsWith("incident.")
                        || held.name().startsWith("postmortem.")) && incident.equals(incidentOf(held)));
            }
            recent.put(streamEvent.id(), streamEvent);
            if (recent.size() > settings.bufferSize()) {
                Iterator<String> oldest = recent.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            offered = new ArrayList<>(clients.size());
            for (Client client : clients) {
                if (client.offer(streamEvent)) {
                    offered.add(client);
                } else {
                    slow.add(client);
                }
            }
        }
        offered.forEach(Client::wake);
        for (Client client : slow) {
            log.info("Disconnecting stream client {}: more than {} events behind", client.name, settings.clientQueueSize());
            client.cancel();
        }
    }

    /**
     * Connects a client from {@code address}. With a {@code lastEventId} the events after it are sent
     * first; when that id is no longer (or never was) in the buffer, a {@value #RESYNC} event is sent first instead.
     *
     * @throws TooManyClients            when {@code max-clients} are connected already
     * @throws TooManyClientsFromAddress when {@code max-clients-per-address} are connected from this address already
     */
    public Subscription subscribe(String address, String lastEventId, Sink sink) {
        List<Client> sameAddress = null;
        synchronized (lock) {
            if (perAddress.getOrDefault(address, 0) >= settings.maxClientsPerAddress()) {
                sameAddress = clients.stream().filter(client -> client.address.equals(address)).toList();
            }
        }
        if (sameAddress != null) {
            // The container notices a client that went away only when a write to it fails: find out now, not at the next
            // heartbeat, so that the address's next attempt finds the slots of its dropped connections free.
            sameAddress.forEach(Client::probe);
        }
        Client client;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the stream is closed");
            }
            if (clients.size() >= settings.maxClients()) {
                throw new TooManyClients(settings.maxClients());
            }
            if (perAddress.getOrDefault(address, 0) >= settings.maxClientsPerAddress()) {
                throw new TooManyClientsFromAddress(settings.maxClientsPerAddress());
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
            client = new Client("stream-client-" + CLIENTS.incrementAndGet(), address, sink, backlog);
            clients.add(client);
            perAddress.merge(address, 1, Integer::sum);
        }
        client.start();
        return client;
    }

    private static String incidentOf(StreamEvent event) {
        try {
            JsonNode incident = JSON.readTree(event.data()).path("incidentId");
            return incident.isString() ? incident.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** How many clients are connected. */
    public int clients() {
        synchronized (lock) {
            return clients.size();
        }
    }

    /** How many clients are connected from this address. */
    public int clients(String address) {
        synchronized (lock) {
            return perAddress.getOrDefault(address, 0);
        }
    }

    /** Disconnects every client, e.g. on shutdown, and stops the sender threads. */
    public void close() {
        List<Client> all;
        synchronized (lock) {
            closed = true;
            all = List.copyOf(clients);
        }
        all.forEach(Client::cancel);
        senders.shutdown();
        try {
            if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void remove(Client client) {
        synchronized (lock) {
            if (clients.remove(client)) {
                perAddress.computeIfPresent(client.address, (key, count) -> count > 1 ? count - 1 : null);
            }
        }
    }

    private void execute(Runnable task) {
        try {
            senders.execute(task);
        } catch (RuntimeException e) {
            // Shut down: the client is cancelled already, and its response ends with the container.
            log.debug("Stream sender refused a task: {}", e.toString());
        }
    }

    /** A connected client: cancel it to disconnect; its sink says when it is writable again. */
    public interface Subscription {

        void cancel();

        /** The response can take more: the sink calls this after {@link Sink#ready()} said no, and once at the start. */
        void writable();
    }

    private final class Client implements Subscription {

        private final String name;
        private final String address;
        private final Sink sink;
        private final Queue<StreamEvent> queue;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean sinkClosed = new AtomicBoolean();
        private volatile boolean heartbeatDue;
        private volatile boolean wroteSinceHeartbeat;
        private volatile boolean ending;
        /** Written but not flushed; guarded by this client's monitor, as every sink call is. */
        private boolean unflushed;
        private boolean greeted;
        private volatile ScheduledFuture<?> heartbeats;
        private volatile ScheduledFuture<?> lifetime;

        Client(String name, String address, Sink sink, List<StreamEvent> backlog) {
            this.name = name;
            this.address = address;
            this.sink = sink;
            this.queue = new ArrayBlockingQueue<>(settings.clientQueueSize() + backlog.size());
            queue.addAll(backlog);
        }

        void start() {
            long heartbeat = settings.heartbeatInterval().toMillis();
            // Streams opened together end spread over the last tenth of their lifetime, so their clients do not reconnect at once.
            long life = settings.maxLifetime().toMillis();
            long end = life - ThreadLocalRandom.current().nextLong(life / 10 + 1);
            try {
                heartbeats = senders.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
                lifetime = senders.schedule(this::end, Math.max(1, end), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                cancel();
                throw new IllegalStateException("the stream is closed", e);
            }
            if (cancelled.get()) {
                heartbeats.cancel(false);
                lifetime.cancel(false);
            }
            wake();
        }

        /** False when the client is too far behind to take another event. */
        boolean offer(StreamEvent event) {
            return !cancelled.get() && queue.offer(event);
        }

        void wake() {
            if (scheduled.compareAndSet(false, true)) {
                execute(this::drain);
            }
        }

        @Override
        public void writable() {
            wake();
        }

        private void heartbeat() {
            if (!wroteSinceHeartbeat) {
                heartbeatDue = true;
            }
            wroteSinceHeartbeat = false;
            wake();
        }

        /** Has a heartbeat written soon, on a sender thread, so that a client that went away is noticed. */
        void probe() {
            heartbeatDue = true;
            wake();
        }

        private void end() {
            ending = true;
            wake();
            // A client that does not read is not waited for beyond a heartbeat.
            try {
                senders.schedule(this::cancel, settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                cancel();
            }
        }

        /** Writes what is queued while the response takes it; runs on a sender thread, one pass per client at a time. */
        private void drain() {
            scheduled.set(false);
            synchronized (this) {
                if (cancelled.get()) {
                    closeSink();
                    return;
                }
                try {
                    while (!cancelled.get() && sink.ready()) {
                        if (!greeted) {
                            greeted = true;
                            sink.retry(settings.reconnectDelay());
                            sink.comment("connected");
                            unflushed = true;
                            continue;
                        }
                        StreamEvent event = queue.poll();
                        if (event != null) {
                            sink.send(event);
                            unflushed = true;
                            wroteSinceHeartbeat = true;
                            continue;
                        }
                        if (heartbeatDue) {
                            heartbeatDue = false;
                            sink.comment("heartbeat");
                            unflushed = true;
                            continue;
                        }
                        if (unflushed) {
                            unflushed = false;
                            sink.flush();
                            continue;
                        }
                        if (ending) {
                            sink.retry(settings.reconnectDelay());
                            sink.comment(LIFETIME_REACHED);
                            sink.flush();
                            cancel();
                        }
                        return;
                    }
                } catch (IOException e) {
                    log.debug("Stream client {} ({}) went away: {}", name, address, e.getMessage());
                    cancel();
                } catch (RuntimeException e) {
                    log.debug("Stream client {} ({}) failed: {}", name, address, e.toString());
                    cancel();
                }
                if (cancelled.get()) {
                    closeSink();
                }
            }
        }

        private void closeSink() {
            if (sinkClosed.compareAndSet(false, true)) {
                sink.close();
            }
        }

        /** Frees the client's slot at once and never blocks: a sender thread ends the response. */
        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                remove(this);
                queue.clear();
                if (heartbeats != null) {
                    heartbeats.cancel(false);
                }
                if (lifetime != null) {
                    lifetime.cancel(false);
                }
                scheduled.set(true);
                execute(this::drain);
            }
        }
    }
}
