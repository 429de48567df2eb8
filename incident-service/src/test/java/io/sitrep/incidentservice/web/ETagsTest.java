package io.sitrep.incidentservice.web;

import io.sitrep.support.web.FieldRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTest {

    @Test
    void theETagOfAVersionIsTheQuotedNumber() {
        String tag = ETags.of(3);

        assertThat(tag).isEqualTo("\"3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "  \"3\"  "})
    void ifMatchReadsTheVersionFromAStrongOrWeakTag(String header) {
        Long version = ETags.ifMatch(header);

        assertThat(version).isEqualTo(3L);
    }

    @Test
    void ifMatchReadsBackTheETagItGaveOut() {
        String tag = ETags.of(42);

        Long version = ETags.ifMatch(tag);

        assertThat(version).isEqualTo(42L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"*", " * ", "   "})
    void ifMatchAsksForNoVersionWhenAbsentBlankOrAny(String header) {
        Long version = ETags.ifMatch(header);

        assertThat(version).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"x\"", "\"\"", "\"3", "3\"", "W/3", "\"3\", \"4\"", "\"3.0\""})
    void ifMatchRejectsWhatIsNotAnETagOfThisApiNamingTheHeader(String header) {
        assertThatThrownBy(() -> ETags.ifMatch(header))
                .isInstanceOfSatisfying(FieldRejected.class, e -> assertThat(e.field()).isEqualTo("If-Match"));
    }
}
