package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quillpress.web.StoredWordings.wording;

import org.junit.jupiter.api.Test;

class StoredWordingsTest {

    private static final StoredWordings WORDINGS = StoredWordings.of(
            wording("banned (\\d+) days", m -> "gesperrt für " + m.group(1) + " Tage"),
            wording("banned (.*)", m -> "gesperrt: " + m.group(1)),
            wording("note: (.*)", m -> "Notiz: " + m.group(1)));

    @Test
    void aKnownSentenceIsWordedFromItsGroups() {
        assertThat(WORDINGS.shown("banned 3 days")).isEqualTo("gesperrt für 3 Tage");
    }

    @Test
    void theFirstWordingThatMatchesWins() {
        assertThat(WORDINGS.shown("banned for spam")).isEqualTo("gesperrt: for spam");
    }

    @Test
    void aSentenceMustMatchWhole() {
        assertThat(WORDINGS.shown("was banned 3 days")).isEqualTo("was banned 3 days");
    }

    @Test
    void aGroupMaySpanLines() {
        assertThat(WORDINGS.shown("note: first\nsecond")).isEqualTo("Notiz: first\nsecond");
    }

    @Test
    void unknownTextIsShownAsStoredAndNullStaysNull() {
        assertThat(WORDINGS.shown("a moderator's own reason")).isEqualTo("a moderator's own reason");
        assertThat(WORDINGS.shown(null)).isNull();
    }
}
