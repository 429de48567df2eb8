package io.sitrep.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void aValueWithCarriageReturnAndLineFeedCannotForgeALogLine() {
        // issue "hostile input": a dedup_key with \r\n forged a log line
        String forged = LogSafe.text("key\r\n2026-12-01 INFO Admin logged in");

        assertThat(forged).isEqualTo("key\\r\\n2026-12-01 INFO Admin logged in").doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void otherControlsAndLineSeparatorsAreEscaped() {
        assertThat(LogSafe.text("a\u001B[31mb\u0000c\u2028d\u0085e")).isEqualTo("a\\u001B[31mb\\u0000c\\u2028d\\u0085e");
    }

    @Test
    void aBackslashIsDoubledSoAnEscapeIsNeverAmbiguous() {
        assertThat(LogSafe.text("C:\\new")).isEqualTo("C:\\\\new");
    }

    @Test
    void unpairedSurrogatesAreEscapedAndPairsKept() {
        assertThat(LogSafe.text("\uD800x\uD83D\uDE80")).isEqualTo("\\uD800x\uD83D\uDE80");
    }

    @Test
    void plainTextIsLeftAsItIs() {
        String plain = "checkout-latency\tok";

        assertThat(LogSafe.text(plain)).isSameAs(plain);
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }

    @Test
    void aLongValueIsCutAndSaysHowMuchIsLeftOut() {
        String cut = LogSafe.text("x".repeat(LogSafe.MAX_LENGTH + 10));

        assertThat(cut).startsWith("x".repeat(LogSafe.MAX_LENGTH)).endsWith("…(10 more)");
    }
}
