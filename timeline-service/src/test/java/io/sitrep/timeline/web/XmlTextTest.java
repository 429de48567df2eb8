package io.sitrep.timeline.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlTextTest {

    @Test
    void replacesEveryCharacterXmlForbids() {
        assertThat(XmlText.clean("a\u0000b\u0007c\u001Fd\uFFFEe\uFFFFf\uD800g\uDC00h"))
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh");
    }

    @Test
    void keepsWhitespaceAndCharactersBeyondTheBasicPlane() {
        String text = "tab\tline\nreturn\r emoji \uD83D\uDE00 ü €";

        assertThat(XmlText.clean(text)).isSameAs(text);
    }

    @Test
    void keepsTheCharactersAtTheEdgesOfWhatXmlAllows() {
        String allowed = " ~\u007F\u0080\uD7FF\uE000\uFFFD";

        assertThat(XmlText.clean(allowed)).isSameAs(allowed);
        assertThat(XmlText.clean("\u001F \uDFFF\uD7FF\uFFFE")).isEqualTo("\uFFFD \uFFFD\uD7FF\uFFFD");
    }

    @Test
    void aLoneSurrogateAtTheEndIsReplaced() {
        assertThat(XmlText.clean("end\uD83D")).isEqualTo("end\uFFFD");
        assertThat(XmlText.clean(null)).isNull();
    }

    @Test
    void aRangeIsCleanWhenItHoldsNoForbiddenCharacterAndAPairItCutsIsNot() {
        String text = "a\u0000b emoji \uD83D\uDE00 end";
        int pair = text.indexOf('\uD83D');

        assertThat(XmlText.isClean(text, 0, 1)).isTrue();
        assertThat(XmlText.isClean(text, 0, 2)).isFalse();
        assertThat(XmlText.isClean(text, 2, text.length())).isTrue();
        assertThat(XmlText.isClean(text, 2, pair + 1)).as("the high surrogate alone").isFalse();
        assertThat(XmlText.isClean(text, 2, pair + 2)).isTrue();
        assertThat(XmlText.isClean(text, 3, 3)).isTrue();
    }
}
