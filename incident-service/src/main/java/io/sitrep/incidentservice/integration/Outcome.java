package io.sitrep.incidentservice.integration;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a signal did to the incidents. */
public enum Outcome {
    OPENED, UPDATED, RESOLVED, UNCHANGED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
