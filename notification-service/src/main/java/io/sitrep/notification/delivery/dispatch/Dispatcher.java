package io.sitrep.notification.delivery.dispatch;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DeliveryChannel;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.notification.delivery.application.DeliveryOutcomes;
import io.sitrep.notification.delivery.application.DeliveryOutcomes.Outcome;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionDeliveries;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.support.path.PathStamps;
import io.sitrep.support.tracing.StoredTrace;
import io.sitrep.support.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Sends due deliveries: claim, send, record. One thread takes the deliveries the intake created born claimed
 * ({@link HandOff}, ADR 0020), and claims due deliveries under a lease (so any
 * number of instances share the work), and starts each attempt on the {@link DeliveryChannel} that
 * carries it, without waiting for it: webhooks and chat go out on the HTTP client's own threads,
 * emails on a small pool; the claim's subscriptions are read in one query. When an attempt ends, its outcome is recorded on another pool:
 * successful attempts that queued up meanwhile together in one short transaction, the others each in
 * its own. Nothing here sleeps on a failing receiver: retries are rows with a later
 * {@code next_attempt_at}.
 *
 * <p>Isolation: a delivery whose endpoint's bulkhead is full, or whose host's breaker is open, is
 * given back without spending an attempt; endpoints with a full bulkhead are not even claimed.
 * At most {@code max-in-flight} attempts run at once in the instance.
 *
 * <p>Tracing: each attempt is a span, child of the trace context stored with the delivery (the
 * consumer's span of the incident event, itself in the trace of the request that changed the
 * incident). The webhook carries the attempt's {@code traceparent}; recording the outcome, and any
 * delivery event it writes to the outbox, happens inside the attempt's span.
 */
public final class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration BUSY_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_ERROR_BACKOFF = Duration.ofSeconds(5);
    /** The most successful attempts recorded in one transaction. */
    private static final int MAX_RECORDED_TOGETHER = 200;

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final DeliveryOutcomes outcomes;
    private final List<DeliveryChannel> channels;
    private final EndpointIsolation isolation;
    private final DeliverySettings settings;
    private final DispatchSignal signal;
    private final HandOff handOff;
    private final DeliveryMetrics metrics;
    private final Executor outcomeExecutor;
    private final Traces traces;
    private final Clock clock;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final BlockingQueue<Ended> delivered = new LinkedBlockingQueue<>();
    private final AtomicBoolean recordingDelivered = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread worker;
    private volatile Instant lastClaim;
    private volatile String lastError;

    public Dispatcher(Deliveries deliveries, Subscriptions subscriptions, DeliveryOutcomes outcomes, List<DeliveryChannel> channels,
                      EndpointIsolation isolation, DeliverySettings settings, DispatchSignal signal, HandOff handOff, DeliveryMetrics metrics,
                      Executor outcomeExecutor, Traces traces, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.outcomes = outcomes;
        this.channels = List.copyOf(channels);
        this.isolation = isolation;
        this.settings = settings;
        this.signal = signal;
        this.handOff = handOff;
        this.metrics = metrics;
        this.outcomeExecutor = outcomeExecutor;
        this.traces = traces;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        handOff.open(new HandOff.Taker() {
            @Override
            public Duration lease() {
                return settings.lease();
            }

            @Override
            public int attempts() {
                return settings.maxInFlight() - inFlight.get();
            }

            @Override
            public HandOff.Slot holdSlot(String endpoint) {
                return isolation.holdSlot(endpoint);
            }
        });
        worker = new Thread(this::run, "delivery-dispatcher");
        worker.setDaemon(true);
        worker.start();
        log.info("Delivery dispatcher started: up to {} attempts in flight, {} per endpoint", settings.maxInFlight(),
                settings.endpointConcurrency());
    }

    /**
     * Stops taking hand-offs (those waiting are given back, due at once) and claiming, and waits a while for the
     * attempts in flight. Those still running after that keep their lease; when it expires, another dispatcher sends
     * them again (the same webhook-id).
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            handOff.close(clock.instant());
        } catch (RuntimeException e) {
            // What could not be given back keeps its lease, and is claimed once that expires.
            log.warn("Could not give back the deliveries handed over: {}", e.getClass().getSimpleName());
        }
        running = false;
        signal.wake();
        try {
            worker.join(settings.pollInterval().plusSeconds(5).toMillis());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                signal.await(Duration.ofMillis(50));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Delivery dispatcher stopped; {} attempts were still in flight", inFlight.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server and the consumer, so that what they accepted has been claimed or stays due. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    int inFlight() {
        return inFlight.get();
    }

    Instant lastClaim() {
        return lastClaim;
    }

    String lastError() {
        return lastError;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        long lastClaimNanos = 0;
        boolean claim = true;
        while (running) {
            try {
                // Deliveries born claimed go first, and need no claim: only a wake-up or the poll asks for one.
                List<HandOff.Handed> handed = handOff.take();
                if (!handed.isEmpty()) {
                    taken(handed.stream().map(HandOff.Handed::delivery).toList());
                    dispatchHanded(handed);
                }
                if (!claim) {
                    claim = signal.await(settings.pollInterval());
                    continue;
                }
                // Every attempt that ends wakes the dispatcher; claiming for each would cost a claim per delivery.
                long sinceLastClaim = System.nanoTime() - lastClaimNanos;
                // Deliveries handed over meanwhile need no claim: they end the pause and are sent first.
                if (sinceLastClaim < settings.claimInterval().toNanos()
                        && signal.pauseUnlessHandedOver(settings.claimInterval().minusNanos(sinceLastClaim))) {
                    continue;
                }
                lastClaimNanos = System.nanoTime();
                Instant now = clock.instant();
                int capacity = settings.maxInFlight() - inFlight.get() - handOff.held();
                int claimed = 0;
                if (capacity > 0) {
                    int limit = Math.min(capacity, settings.batchSize());
                    Map<String, Integer> freeSlots = isolation.freeSlots();
                    // Before the query: what fan-outs commit after this, the claim's snapshot may not hold (ADR 0020).
                    HandOff.Ticket ticket = handOff.ticket();
                    List<Delivery.Delivering> due = deliveries.claimDue(limit, freeSlots, isolation.webhookSlots(), isolation.smtpSlots(),
                            now, settings.lease());
                    lastClaim = now;
                    claimed = due.size();
                    taken(due);
                    // By endpoint: one whose deliveries wait (its host shut off, say) holds back its own new ones, not the others'.
                    handOff.claimed(ticket, due.stream().map(d -> d.sending().endpoint()).toList(), freeSlots, claimed < limit);
                    Map<SubscriptionId, Subscription> found = subscriptions.findAll(
                            due.stream().map(Delivery.Delivering::subscriptionId).toList());
                    for (Delivery.Delivering delivery : due) {
                        dispatch(delivery, Optional.ofNullable(found.get(delivery.subscriptionId())), null);
                    }
                }
                lastError = null;
                backoff = Duration.ZERO;
                claim = claimed == 0 || claimed >= capacity ? signal.await(settings.pollInterval()) : true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Health shows the kind of failure only: a database error's detail may quote a row, and with it a target.
                lastError = e.getClass().getSimpleName();
                claim = true;
                backoff = backoff.isZero() ? Duration.ofMillis(100) : min(backoff.multipliedBy(2), MAX_ERROR_BACKOFF);
                log.warn("Dispatcher failed, retrying in {} ms: {}", backoff.toMillis(), lastError);
                try {
                    signal.pause(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Sends deliveries born claimed, each in the endpoint slot it holds, after one read of their subscriptions; one that
     * cannot be sent now frees its slot and is given back or cancelled as a claimed one would be. Whatever fails here
     * leaves the rest under their lease, for a claim once it expires.
     */
    private void dispatchHanded(List<HandOff.Handed> handed) {
        int started = 0;
        try {
            Map<SubscriptionId, Subscription> found = subscriptions.findAll(handed.stream().map(h -> h.delivery().subscriptionId()).toList());
            for (HandOff.Handed h : handed) {
                started++;
                Optional<Subscription> subscription = Optional.ofNullable(found.get(h.delivery().subscriptionId()));
                String result = dispatch(h.delivery(), subscription, (EndpointIsolation.HeldSlot) h.slot());
                metrics.handedOver(subscription.map(s -> s.channel().wireName()).orElse("none"), result);
            }
        } catch (RuntimeException e) {
            handed.subList(started, handed.size()).forEach(h -> h.slot().free());
            throw e;
        }
    }

    /**
     * Starts the attempt of a claimed delivery, or cancels or gives it back without one.
     *
     * @param held the endpoint slot it holds (born claimed), or null (claimed) to ask for one now
     * @return {@code sent}, {@code given_back} or {@code cancelled}
     */
    private String dispatch(Delivery.Delivering d, Optional<Subscription> found, EndpointIsolation.HeldSlot held) {
        String type = d.sending().eventType();
        SubscriptionStatus needed = SubscriptionDeliveries.CONFIRMATION.equals(type) ? SubscriptionStatus.PENDING_CONFIRMATION
                : SubscriptionDeliveries.DISABLED_NOTICE.equals(type) ? SubscriptionStatus.DISABLED : SubscriptionStatus.ACTIVE;
        if (found.isEmpty() || found.get().status() != needed) {
            free(held);
            deliveries.cancel(d, "the subscription is " + found.map(s -> s.status().wireName()).orElse("deleted"));
            return "cancelled";
        }
        Subscription s = found.get();
        DeliveryChannel channel = channels.stream().filter(c -> c.carries(s, d.sending())).findFirst().orElse(null);
        String refusal = channel == null ? "no channel carries " + s.channel().wireName() : channel.refusal(s, d.sending());
        if (refusal != null) {
            free(held);
            deliveries.cancel(d, refusal);
            return "cancelled";
        }
        String channelName = s.channel().wireName();
        EndpointIsolation.Permit permit = held != null ? isolation.tryAcquire(held, channel.host(s))
                : isolation.tryAcquire(d.sending().endpoint(), channel.host(s));
        if (permit.refusal() != null) {
            Duration wait = permit.refusal() == EndpointIsolation.Refusal.BUSY ? BUSY_DELAY : settings.breaker().openFor();
            deliveries.release(d, clock.instant().plus(wait));
            metrics.deferred(channelName, permit.refusal() == EndpointIsolation.Refusal.BUSY ? "endpoint_busy" : "breaker_open");
            return "given_back";
        }
        inFlight.incrementAndGet();
        Instant attemptedAt = clock.instant();
        PathStamps.stamp("attempt.started", d.id(), d.sending().eventId(), attemptedAt);
        Span span = attemptSpan(d, channelName);
        StoredTrace trace = traces.of(span);
        CompletableFuture<AttemptResult> attempt;
        try (Tracer.SpanInScope scope = traces.open(span)) {
            attempt = channel.send(new DeliveryChannel.Attempt(d.id(), s, d.sending(), attemptedAt, trace.headers(), trace.traceId(),
                    new DeliveryChannel.TraceScope() {
                        @Override
                        public <T> Supplier<T> wrap(Supplier<T> work) {
                            return inSpan(span, work);
                        }
                    }));
        } catch (RuntimeException e) {
            attempt = CompletableFuture.completedFuture(AttemptResult.error(channel.describe(e), Duration.ZERO));
        }
        attempt.exceptionally(e -> AttemptResult.error(channel.describe(e), Duration.between(attemptedAt, clock.instant())))
                .thenAccept(result -> ended(new Ended(d, s, result, attemptedAt, span), permit));
        return "sent";
    }

    /** The path stamps of deliveries the dispatcher took: handed over, or claimed. */
    private static void taken(List<Delivery.Delivering> deliveries) {
        if (PathStamps.enabled()) {
            Instant now = Instant.now();
            deliveries.forEach(d -> PathStamps.stamp("dispatch.taken", d.id(), d.sending().eventId(), now));
        }
    }

    private static void free(EndpointIsolation.HeldSlot held) {
        if (held != null) {
            held.free();
        }
    }

    /** The attempt's span: a child of the trace the delivery was created in, ended once its outcome is recorded. */
    private Span attemptSpan(Delivery.Delivering d, String channel) {
        return traces.startChild(d.sending().trace(), channel + " delivery", Span.Kind.CLIENT)
                .tag("sitrep.delivery.id", d.id().toString())
                .tag("sitrep.delivery.attempt", Integer.toString(d.attempt()))
                .tag("sitrep.subscription.id", d.subscriptionId().toString())
                .tag("sitrep.event.type", d.sending().eventType())
                .tag("sitrep.endpoint", EndpointIsolation.endpointId(d.sending().endpoint()));
    }

    private <T> Supplier<T> inSpan(Span span, Supplier<T> work) {
        return () -> {
            try (Tracer.SpanInScope scope = traces.open(span)) {
                return work.get();
            }
        };
    }

    /** An attempt that ended, waiting for its outcome to be recorded. */
    private record Ended(Delivery.Delivering delivery, Subscription subscription, AttemptResult result, Instant attemptedAt, Span span) {
    }

    /**
     * The attempt is over: its endpoint's slot and breaker learn the result at once, and its outcome is
     * handed to the outcome threads.
     */
    private void ended(Ended e, EndpointIsolation.Permit permit) {
        permit.release(e.result());
        metrics.attempt(e.subscription().channel().wireName(), e.result().duration());
        if (e.result().statusCode() != null) {
            e.span().tag("http.response.status_code", e.result().statusCode().toString());
        }
        if (e.result().error() != null) {
            e.span().tag("sitrep.delivery.error", e.result().error());
        }
        if (e.result().verdict() != AttemptResult.Verdict.DELIVERED) {
            outcomeExecutor.execute(() -> recordOne(e));
            return;
        }
        delivered.add(e);
        if (recordingDelivered.compareAndSet(false, true)) {
            outcomeExecutor.execute(this::recordDelivered);
        }
    }

    /**
     * Records the successful attempts queued, together, on one thread at a time: while it commits, the
     * attempts that end meanwhile queue up for its next transaction, so under load each transaction
     * carries many and a healthy subscription's row is never written. Other outcomes may fail a
     * subscription, disable it or publish delivery events: each is recorded on its own, on the pool.
     */
    private void recordDelivered() {
        while (true) {
            List<Ended> batch = new ArrayList<>();
            delivered.drainTo(batch, MAX_RECORDED_TOGETHER);
            if (batch.isEmpty()) {
                recordingDelivered.set(false);
                // An attempt queued after the drain and before the flag was cleared would wait for the next one.
                if (delivered.isEmpty() || !recordingDelivered.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            recordDelivered(batch);
        }
    }

    private void recordDelivered(List<Ended> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = this.outcomes.recordDelivered(batch.stream()
                    .map(e -> new DeliveryOutcomes.Delivered(e.delivery(), e.subscription(), e.result(), e.attemptedAt(), work -> {
                        try (Tracer.SpanInScope scope = traces.open(e.span())) {
                            work.run();
                        }
                    }))
                    .toList());
        } catch (RuntimeException failure) {
            log.debug("Recording {} deliveries together failed, recording them one by one: {}", batch.size(), failure.toString());
            batch.forEach(this::recordOne);
            return;
        }
        // The outcomes are stored: nothing here may stop the drainer, or leave an attempt counted as in flight.
        for (int i = 0; i < batch.size(); i++) {
            Ended e = batch.get(i);
            try (Tracer.SpanInScope scope = traces.open(e.span())) {
                recorded(e, outcomes.get(i));
            } catch (RuntimeException failure) {
                log.warn("Delivery {} was recorded, but not counted: {}", e.delivery().id(), failure.toString());
            } finally {
                finished(e);
            }
        }
    }

    private void recordOne(Ended e) {
        try (Tracer.SpanInScope scope = traces.open(e.span())) {
            recorded(e, outcomes.record(e.delivery(), e.subscription(), e.result(), e.attemptedAt()));
        } catch (RuntimeException failure) {
            // The delivery keeps its lease and is sent again once the lease expires.
            log.warn("Could not record the outcome of delivery {}; it will be retried after its lease: {}", e.delivery().id(),
                    failure.toString());
            e.span().error(failure);
        } finally {
            finished(e);
        }
    }

    private void recorded(Ended e, Outcome outcome) {
        String channel = e.subscription().channel().wireName();
        metrics.outcome(channel, outcome.tag());
        e.span().tag("sitrep.delivery.outcome", outcome.tag());
        if (outcome == Outcome.DELIVERED) {
            metrics.endToEnd(channel, Duration.between(e.delivery().sending().publishedAt(), clock.instant()));
        }
    }

    private void finished(Ended e) {
        e.span().end();
        inFlight.decrementAndGet();
        signal.wake();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
