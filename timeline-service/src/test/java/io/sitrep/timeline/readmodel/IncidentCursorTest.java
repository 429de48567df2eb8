package io.sitrep.timeline.readmodel;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentCursorTest {

    @Test
    void aCursorSurvivesTheRoundTripToNanoseconds() {
        IncidentCursor cursor = new IncidentCursor(Instant.parse("2026-01-31T12:00:00.123456789Z"), UUID.randomUUID());

        assertThat(IncidentCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void textThatIsNoCursorIsRefused() {
        assertThatThrownBy(() -> IncidentCursor.decode("not-a-cursor")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncidentCursor.decode("!!!")).isInstanceOf(IllegalArgumentException.class);
    }
}
