package io.sitrep.notification;

import io.sitrep.support.outbox.OutboxConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** notification-service: fans incident events out to webhook and email subscribers. */
@SpringBootApplication
@Import(OutboxConfiguration.class)
public class NotificationServiceApplication {

    /** The common pool's parallelism where the machine would give it only one thread; see {@link #main}. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        // The JDK's HTTP client completes every asynchronous send on the CompletableFuture default executor.
        // On two cores the common pool gets one thread, and CompletableFuture then starts a new thread for
        // each task instead: a thread per webhook, which cost the bench's fan-out about a core. Unless set
        // otherwise, the pool gets at least two threads, so that the default executor is the pool.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
