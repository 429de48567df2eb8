package io.sitrep.console.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The browsers showing Now, each an open {@code text/event-stream} answer, at most {@code max-browsers}. A change is
 * told to all of them as one {@code changed} event with no data: the browser reads the screen again itself, so nothing
 * about incidents travels here and internal ones stay behind the Now screen's own reads. Changes within
 * {@code coalesce} of each other become one event; idle connections get a heartbeat comment so that a closed one is
 * freed. One scheduler thread writes; stopping ends every connection.
 */
public class Browsers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Browsers.class);

    private final LiveSettings settings;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Made at each start, so that a stopped context can start again. */
    private volatile ScheduledExecutorService writer;
    private volatile boolean running;

    public Browsers(LiveSettings settings) {
        this.settings = settings;
    }

    /** A new browser connection; refused with {@link TooManyBrowsers} when the console holds its maximum. */
    SseEmitter join() {
        if (!running) {
            throw new TooManyBrowsers();
        }
        SseEmitter emitter = new SseEmitter(settings.browserLifetime().toMillis());
        synchronized (open) {
            if (open.size() >= settings.maxBrowsers()) {
                throw new TooManyBrowsers();
            }
            open.add(emitter);
        }
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(error -> open.remove(emitter));
        try {
            emitter.send(SseEmitter.event().reconnectTime(settings.reconnectDelay().toMillis()).comment("connected"));
        } catch (IOException e) {
            open.remove(emitter);
            emitter.completeWithError(e);
        }
        return emitter;
    }

    /** Something Now shows may have changed: every browser hears of it once, within {@code coalesce}. */
    public void changed() {
        ScheduledExecutorService scheduler = writer;
        if (running && scheduler != null && pending.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::tellChanged, settings.coalesce().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }

    /** The browser connections open now. */
    int size() {
        return open.size();
    }

    private void tellChanged() {
        pending.set(false);
        sendToAll(() -> SseEmitter.event().name("changed").data(""));
    }

    private void heartbeat() {
        sendToAll(() -> SseEmitter.event().comment("heartbeat"));
    }

    /** A builder per connection: a built event cannot be sent twice. */
    private void sendToAll(Supplier<SseEmitter.SseEventBuilder> event) {
        for (SseEmitter emitter : open) {
            try {
                emitter.send(event.get());
            } catch (IOException | IllegalStateException gone) {
                // The browser went away: free its place.
                open.remove(emitter);
                emitter.completeWithError(gone);
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = LiveThread.start("console-live-browsers");
        long heartbeat = settings.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        pending.set(false);
        writer = scheduler;
        running = true;
    }

    /** Ends every browser connection (their browsers reconnect elsewhere or after the restart), then the writer. */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter emitter : open) {
            emitter.complete();
        }
        open.clear();
        LiveThread.stop(writer, Duration.ofSeconds(5), log);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
