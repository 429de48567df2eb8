package io.sitrep.support.consumer;

import io.micrometer.observation.Observation;
import io.sitrep.support.tracing.RecordObservations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Makes the error handler of a {@link BatchConsumer}'s container: Spring Kafka's {@link DefaultErrorHandler}, which
 * commits the offsets before the record a {@link BatchListenerFailedException} names, hands that record to the
 * recoverer when the failure is the record's own ({@link RecordFailure}), and otherwise (the database) seeks back to
 * it and polls again after the backoff, for as long as it takes. The backoff pauses the consumer's container and resumes it from a scheduler of
 * its own (the default would put the consumer thread to sleep): its other partitions wait, as they must (their
 * records come in the same poll), the consumer goes on polling, and the container's other consumers are not held.
 */
public final class BatchErrorHandlers implements AutoCloseable {

    private final ConsumerSettings settings;
    private final ThreadPoolTaskScheduler resumes = new ThreadPoolTaskScheduler();

    public BatchErrorHandlers(ConsumerSettings settings) {
        this.settings = settings;
        resumes.setPoolSize(1);
        resumes.setThreadNamePrefix("sitrep-consumer-resume-");
        resumes.setDaemon(true);
        resumes.initialize();
    }

    /**
     * @param observations observes each recovery in a span of the record's trace
     * @param recoverer    keeps a record the consumer gives up on
     */
    public DefaultErrorHandler create(RecordObservations observations, BatchRecoverer recoverer) {
        ConsumerRecordRecoverer recovering = (record, exception) -> {
            Observation observation = observations.start(record);
            try {
                observation.scoped(() -> recoverer.recover(record, failureOf(exception)));
            } catch (RuntimeException e) {
                observation.error(e);
                throw e;
            } finally {
                observation.stop();
            }
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recovering, settings.backoff().toBackOff(),
                new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, resumes)));
        handler.addNotRetryableExceptions(RecordRejected.class);
        return handler;
    }

    /**
     * Why the record reached the recoverer: its rejection. Any other failure is retried without end, so it cannot get
     * here; should it, the recoverer refuses it, and the record is retried rather than skipped.
     */
    static RecordFailure failureOf(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordRejected rejected) {
                return rejected.failure();
            }
        }
        throw new IllegalStateException("a retryable failure reached the recoverer; the record is retried", exception);
    }

    @Override
    public void close() {
        resumes.shutdown();
    }
}
