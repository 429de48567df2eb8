package io.sitrep.support.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueryEncodingFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "%", "%4", "%zz", "abc%", "%FF", "%C3", "%C3%28", "%ED%A0%80"})
    void malformedPercentEncodingOrUtf8DoesNotDecode(String encoded) {
        assertThat(QueryEncodingFilter.decode(encoded)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"plain,plain", "a%20b,a b", "Z%C3%BCrich,Zürich", "100,100"})
    void wellFormedPercentEncodingDecodes(String encoded, String decoded) {
        assertThat(QueryEncodingFilter.decode(encoded)).isEqualTo(decoded);
    }

    @org.junit.jupiter.api.Test
    void aPercentEncodedNulDecodesForTheParameterCheckToJudge() {
        assertThat(QueryEncodingFilter.decode("%00")).isEqualTo(String.valueOf((char) 0));
    }
}
