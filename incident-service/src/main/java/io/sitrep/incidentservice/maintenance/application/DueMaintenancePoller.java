package io.sitrep.incidentservice.maintenance.application;

import io.sitrep.events.MaintenanceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Applies the maintenance steps that have fallen due (reminders, starts, completions), every
 * {@code sitrep.maintenance.poll-interval}, on a scheduler thread of its own. Each poll claims due windows
 * in PostgreSQL and applies them in the same transaction, so any number of instances may poll; a step that
 * fell due while no instance ran happens at the first poll after start-up. Nothing sleeps: the scheduler
 * runs the next poll after the delay. The poller owns its scheduler thread (not a bean, so that other
 * {@code @Scheduled} work keeps Spring Boot's scheduler): it starts it with the context and, being a
 * lifecycle bean, shuts it down (letting a poll under way commit) before the database pool closes.
 */
public class DueMaintenancePoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueMaintenancePoller.class);

    private final MaintenanceCommands commands;
    private final MaintenanceSettings settings;
    private ThreadPoolTaskScheduler scheduler;
    private volatile ScheduledFuture<?> polling;

    public DueMaintenancePoller(MaintenanceCommands commands, MaintenanceSettings settings) {
        this.commands = commands;
        this.settings = settings;
    }

    /** Applies what is due now, batch after batch until a batch is not full. */
    public void poll() {
        try {
            List<MaintenanceEvent> applied;
            do {
                applied = commands.applyDue(settings.batchSize());
                for (MaintenanceEvent event : applied) {
                    log.info("Maintenance {} {} by itself (version {})", event.maintenanceId(), event.type().wireName(), event.version());
                }
            } while (applied.size() >= settings.batchSize());
        } catch (RuntimeException e) {
            // The next poll tries again; a failing database must not end the schedule.
            log.warn("Applying due maintenance steps failed; retrying at the next poll: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (polling != null) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("maintenance-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        scheduler.initialize();
        polling = scheduler.scheduleWithFixedDelay(this::poll, settings.pollInterval());
    }

    @Override
    public synchronized void stop() {
        if (polling == null) {
            return;
        }
        polling.cancel(false);
        polling = null;
        scheduler.shutdown();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
