package io.sitrep.incidentservice.integration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void aKeyWithinTheLimitIsKeptAsItIs() {
        assertThat(Texts.key("checkout-latency", 255)).isEqualTo("checkout-latency");
    }

    @Test
    void aLongKeyIsShortenedToTheLimitTheSameWayEveryTime() {
        String key = "k".repeat(300);

        String shortened = Texts.key(key, 255);

        assertThat(shortened).hasSize(255).startsWith("kkk").contains("…sha256:");
        assertThat(Texts.key(key, 255)).isEqualTo(shortened);
    }

    @Test
    void longKeysThatShareTheirStartStayApart() {
        String start = "k".repeat(300);

        assertThat(Texts.key(start + "a", 255)).isNotEqualTo(Texts.key(start + "b", 255));
    }

    @Test
    void aNoteIsKeptWholeAtTheEndOfAMessageCutToTheLimit() {
        String note = "(10 more components are not set.)";

        String message = Texts.withNote("m".repeat(20_000), note);

        assertThat(message).hasSizeLessThanOrEqualTo(Texts.MESSAGE_LIMIT).endsWith("…\n\n" + note);
    }
}
