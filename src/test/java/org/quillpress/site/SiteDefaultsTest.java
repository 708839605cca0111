package org.quillpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A site whose owner has not written a tagline or a description yet shows the product's, in its own language. */
@QuarkusTest
class SiteDefaultsTest {

    private static final List<String> WRITTEN = List.of(SiteSettings.TAGLINE, SiteSettings.DESCRIPTION,
            SiteSettings.LANGUAGE);

    @Inject
    SiteSettings settings;

    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void asSetUp() {
        QuarkusTransaction.requiringNew().run(() -> {
            WRITTEN.forEach(name -> SiteSetting.get(name).ifPresent(value -> before.put(name, value)));
            // as after setup: the owner has chosen nothing of these yet
            SiteSetting.delete("name in ?1", WRITTEN);
        });
    }

    @AfterEach
    void restore() {
        QuarkusTransaction.requiringNew().run(() -> {
            SiteSetting.delete("name in ?1", WRITTEN);
            before.forEach(SiteSetting::put);
        });
        settings.reload();
    }

    @Test
    void aGermanSiteShowsTheDefaultTaglineAndDescriptionInGerman() {
        QuarkusTransaction.requiringNew().run(() -> SiteSetting.put(SiteSettings.LANGUAGE, "de"));
        settings.reload();

        String home = WebClient.anonymous().get(Uncached.path("/")).asString();

        assertThat(home).contains("<p class=\"tagline\">Texte, über die es sich zu reden lohnt</p>")
                .contains("Ein Gemeinschaftsblog: ausführliche Beiträge und die Gespräche, die sie anstoßen.")
                .doesNotContain("Writing worth discussing").doesNotContain("A community blog");
    }

    @Test
    void anEnglishSiteKeepsTheEnglishDefaults() {
        settings.reload();

        String home = WebClient.anonymous().get(Uncached.path("/")).asString();

        assertThat(home).contains("<p class=\"tagline\">Writing worth discussing</p>")
                .contains("A community blog: long-form posts and the conversations they start.");
    }
}
