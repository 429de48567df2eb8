package io.sitrep.timeline.stream;

import io.sitrep.support.web.ClientAddresses;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * The live stream of applied events.
 *
 * @param heartbeatInterval how long a client may go without a byte before it gets a heartbeat comment
 * @param bufferSize        how many recent events are kept to resume clients that reconnect with {@code Last-Event-ID}
 * @param clientQueueSize   how many events may wait for one client; a client further behind is disconnected and resumes on reconnect
 * @param maxClients        how many clients may be connected at once to this instance; more get 503
 * @param reconnectDelay    the {@code retry} the stream tells clients to wait before reconnecting
 * @param pollInterval      how often this instance looks for events applied by any instance, to stream them
 * @param retention         how long applied events are kept for the stream of every instance
 * @param maxClientsPerAddress how many streams one client address may hold open at once on this instance; more get 429
 * @param trustedProxies    addresses or CIDR blocks of the proxies whose {@code X-Forwarded-For} names the client; empty: the peer is the client
 * @param maxLifetime       how long one stream stays open; then the server ends it and the client reconnects with {@code Last-Event-ID}
 */
@Validated
@ConfigurationProperties("sitrep.timeline.stream")
public record StreamSettings(
        @DefaultValue("15s") @NotNull Duration heartbeatInterval,
        @DefaultValue("1000") @Min(1) @Max(100_000) int bufferSize,
        @DefaultValue("256") @Min(1) @Max(100_000) int clientQueueSize,
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxClients,
        @DefaultValue("3s") @NotNull Duration reconnectDelay,
        @DefaultValue("250ms") @NotNull Duration pollInterval,
        @DefaultValue("1h") @NotNull Duration retention,
        @DefaultValue("20") @Min(1) @Max(100_000) int maxClientsPerAddress,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("30m") @NotNull Duration maxLifetime) {

    public StreamSettings {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        // Refuses at start-up what is not an IP address or a CIDR block.
        new ClientAddresses(trustedProxies);
        for (Duration d : new Duration[] {heartbeatInterval, pollInterval, retention, maxLifetime}) {
            if (d != null && (d.isZero() || d.isNegative())) {
                throw new IllegalArgumentException("sitrep.timeline.stream durations must be positive, was " + d);
            }
        }
    }
}
