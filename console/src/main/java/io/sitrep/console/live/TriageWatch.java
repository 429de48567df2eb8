package io.sitrep.console.live;

import io.sitrep.console.api.ApiProblem;
import io.sitrep.console.api.SitrepApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live Now for internal incidents, which timeline-service's stream leaves out: while at least one browser shows Now,
 * the console reads the open incidents every {@code triage-interval} with its own key and, when the internal ones
 * changed (one appeared, changed or left), tells the browsers {@link Browsers#changed()}. One read for every browser;
 * no read at all while nobody watches. An alert that opens an internal incident thus shows in the triage queue
 * within the interval, without a reload.
 */
public class TriageWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TriageWatch.class);

    private final SitrepApi api;
    private final Duration interval;
    private final Browsers browsers;
    /** Made at each start, so that a stopped context can start again. */
    private volatile ScheduledExecutorService watcher;
    private volatile boolean running;
    /** What the internal open incidents looked like at the last read; null while nobody watched. */
    private volatile String seen;

    public TriageWatch(SitrepApi api, Duration interval, Browsers browsers) {
        this.api = api;
        this.interval = interval;
        this.browsers = browsers;
    }

    /** One look: reads only while a browser watches, and signals when the internal incidents differ from the last look. */
    void look() {
        if (browsers.size() == 0) {
            // A browser that connects later gets the whole screen first; what it saw is the baseline of the next read.
            seen = null;
            return;
        }
        String now;
        try {
            now = internal(api.openIncidents());
        } catch (ApiProblem problem) {
            log.debug("Could not read the open incidents for the triage queue: {}", problem.inWords());
            return;
        }
        if (seen != null && !seen.equals(now)) {
            browsers.changed();
        }
        seen = now;
    }

    /** Whether the watch has a baseline to compare the next read with (a browser watches and it has read once since). */
    boolean watching() {
        return seen != null;
    }

    /** The internal open incidents as one string of what Now shows of them: id, status, impact, title and last change. */
    static String internal(JsonNode incidents) {
        StringBuilder internal = new StringBuilder();
        for (JsonNode incident : incidents.path("items")) {
            if ("internal".equals(incident.path("visibility").asString(""))) {
                internal.append(incident.path("id").asString("")).append('|').append(incident.path("status").asString(""))
                        .append('|').append(incident.path("impact").asString("")).append('|').append(incident.path("title").asString(""))
                        .append('|').append(incident.path("updatedAt").asString("")).append('\n');
            }
        }
        return internal.toString();
    }

    @Override
    public void start() {
        ScheduledExecutorService thread = LiveThread.start("console-triage-watch");
        watcher = thread;
        running = true;
        thread.scheduleWithFixedDelay(this::lookSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            log.warn("The triage watch failed to look at the open incidents", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        LiveThread.stop(watcher, Duration.ofSeconds(5), log);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops with the stream, before the browsers and the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
