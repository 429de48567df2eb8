package io.sitrep.support.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnsafeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "bell\u0007", "esc\u001B[31m", "del\u007F", "csi\u009B2J", "\uFFFE", "x\uFFFF",
            "lone high \uD800", "lone low \uDC00 here", "reversed \uDC00\uD800"})
    void refusesControlsNoncharactersAndUnpairedSurrogates(String text) {
        assertThat(UnsafeText.firstUnsafe(text)).isNotNegative();
        assertThat(UnsafeText.problem(text)).startsWith(UnsafeText.RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "tab\tand\nnew\r\nlines", "Zürich – naïve ✓", "emoji \uD83D\uDE80 pair", "\uFFFD", "\u00A0\u00A9"})
    void acceptsTextWithTabsNewlinesAndAnyPairedCharacter(String text) {
        assertThat(UnsafeText.firstUnsafe(text)).isEqualTo(-1);
        assertThat(UnsafeText.replaceUnsafe(text)).isSameAs(text);
    }

    @Test
    void namesTheFirstUnsafeCharacterAndWhereItIs() {
        String problem = UnsafeText.problem("ok\u0000\u0001");

        assertThat(problem).endsWith("found U+0000 at character 3");
    }

    @Test
    void replacesEachUnsafeCharacterAndKeepsPairs() {
        String replaced = UnsafeText.replaceUnsafe("a\u0000b\uD800c\uD83D\uDE80\uFFFF\u009B\n");

        assertThat(replaced).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE80\uFFFD\uFFFD\n");
    }
}
