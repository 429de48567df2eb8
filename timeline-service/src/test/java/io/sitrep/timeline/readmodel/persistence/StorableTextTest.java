package io.sitrep.timeline.readmodel.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    @Test
    void textLosesOnlyNulAndUnpairedSurrogates() {
        assertThat(StorableText.of("a\u0000b\u0007c\uD800d\uD83D\uDE00")).isEqualTo("a\uFFFDb\u0007c\uFFFDd\uD83D\uDE00");
    }

    @Test
    void jsonLosesTheNulEscapeAndUnpairedSurrogateEscapesOnly() {
        assertThat(StorableText.ofJson("{\"n\":\"a\\u0000b\\ud800c\\ud83d\\ude00d\\\\u0000e\\n\"}"))
                .isEqualTo("{\"n\":\"a\\ufffdb\\ufffdc\\ud83d\\ude00d\\\\u0000e\\n\"}");
    }
}
