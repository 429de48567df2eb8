package io.sitrep.support.web;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests say what they mean: the strict reading every service's API applies to request bodies. */
class StrictJsonTest {

    record Command(String title, Instant occurredAt) {
    }

    private final JsonMapper json = strict();

    // issue 12: {"title":"t","title":"u"} opened an incident titled "u".
    @Test
    void refusesAFieldGivenTwice() {
        assertThatThrownBy(() -> json.readValue("{\"title\":\"t\",\"title\":\"u\"}", Command.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("title");
    }

    // issue 12: "occurredAt": 1e400 was read as a time.
    @Test
    void refusesANumberForATime() {
        assertThatThrownBy(() -> json.readValue("{\"occurredAt\":1e400}", Command.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"occurredAt\":1700000000}", Command.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"occurredAt\":1700000000.5}", Command.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void readsATimeWrittenAsText() {
        assertThat(json.readValue("{\"occurredAt\":\"2026-12-01T10:00:00Z\"}", Command.class).occurredAt())
                .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new WebSupportAutoConfiguration().strictScalars().customize(builder);
        return builder.addModule(new RequestTimesModule()).build();
    }
}
