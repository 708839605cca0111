package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slugs from titles in any script, never empty nor digits only. */
class SlugsTest {

    @Test
    void germanSharpSAndUmlautsAreSpelledOut() {
        assertThat(Slugs.of("Die Straße über den Fluß")).isEqualTo("die-strasse-uber-den-fluss");
    }

    @Test
    void accentsAreDropped() {
        assertThat(Slugs.of("Crème brûlée à la française")).isEqualTo("creme-brulee-a-la-francaise");
    }

    @Test
    void greekAndCyrillicAreTransliterated() {
        assertThat(Slugs.of("Καλημέρα κόσμε")).isEqualTo("kalemera-kosme");
        assertThat(Slugs.of("Привет, мир")).isEqualTo("privet-mir");
    }

    @Test
    void otherScriptsGetALatinSpellingRatherThanNothing() {
        assertThat(Slugs.of("東京")).isNotEmpty().matches(Slugs.VALID);
        assertThat(Slugs.of("مرحبا")).isNotEmpty().matches(Slugs.VALID);
    }

    @Test
    void aSlugIsNeverEmptyNorDigitsOnly() {
        assertThat(Slugs.of("!!! ???", "post")).isEqualTo("post");
        assertThat(Slugs.of("2019", "post")).isEqualTo("post-2019");
        assertThat(Slugs.of("2019 – 2020", "page")).isEqualTo("page-2019-2020");
        assertThat(Slugs.of("1984 revisited", "post")).isEqualTo("1984-revisited");
    }

    @Test
    void longTextIsCutAtTheLimitWithoutATrailingHyphen() {
        String slug = Slugs.of("word ".repeat(100));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).matches(Slugs.VALID);
    }
}
