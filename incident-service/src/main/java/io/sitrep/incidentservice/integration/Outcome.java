package io.sitrep.incidentservice.integration;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a signal did to the incidents; {@code suppressed}: it would have opened one, but maintenance is in
 * progress on every component it names.
 */
public enum Outcome {
    OPENED, UPDATED, RESOLVED, UNCHANGED, SUPPRESSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
