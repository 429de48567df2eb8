package io.sitrep.console.live;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the console relays timeline-service's stream to the browsers showing Now.
 *
 * @param enabled           whether the console listens to timeline-service's stream at all (off: Now changes on reload only)
 * @param maxBrowsers       browser connections to {@code /now/events} the console holds at once; more are refused with 503
 * @param browserLifetime   how long one browser connection lasts before the console ends it (the browser reconnects)
 * @param heartbeatInterval how often an idle browser connection gets a comment, so that a closed one is noticed and freed
 * @param coalesce          how long the console gathers upstream events into one signal, so that a burst costs one refetch
 * @param reconnectDelay    how long the console waits before connecting to the stream again after it ended or failed
 * @param triageInterval    how often, while a browser shows Now, the console reads the open incidents for internal ones
 *                          that changed (the stream leaves internal incidents out)
 */
@Validated
@ConfigurationProperties("sitrep.console.live")
public record LiveSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") @Min(1) @Max(10_000) int maxBrowsers,
        @DefaultValue("30m") @NotNull Duration browserLifetime,
        @DefaultValue("25s") @NotNull Duration heartbeatInterval,
        @DefaultValue("250ms") @NotNull Duration coalesce,
        @DefaultValue("5s") @NotNull Duration reconnectDelay,
        @DefaultValue("5s") @NotNull Duration triageInterval) {
}
