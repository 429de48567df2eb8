package io.sitrep.incidentservice.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreferencesTest {

    @Test
    void findsReturnMinimalAmongOtherPreferencesWhateverTheCaseSpacingAndQuotes() {
        assertThat(Preferences.returnMinimal("return=minimal")).isTrue();
        assertThat(Preferences.returnMinimal("respond-async, wait=10, Return = \"minimal\"")).isTrue();
        assertThat(Preferences.returnMinimal("return=minimal; foo=bar")).isTrue();
    }

    @Test
    void anythingElseKeepsTheFullRepresentation() {
        assertThat(Preferences.returnMinimal(null)).isFalse();
        assertThat(Preferences.returnMinimal("")).isFalse();
        assertThat(Preferences.returnMinimal("return=representation")).isFalse();
        assertThat(Preferences.returnMinimal("handling=lenient")).isFalse();
    }
}
