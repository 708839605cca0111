package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/** The staff bundles as Quarkus builds them: English by default, German from the properties files. */
@QuarkusTest
class StaffBundlesTest {

    @Inject
    Engine engine;

    @Test
    void englishIsTheDefaultAndJavaFollowsTheSiteLanguage() {
        assertThat(MessageBundles.get(StaffMessages.class).writeNewPost()).isEqualTo("Write a new post");
        assertThat(new StaffText().siteLocale()).isEqualTo(SiteLanguage.locale());
    }

    @Test
    void germanMessagesKeepUmlautsParametersAndChoices() {
        StaffMessages staff = MessageBundles.get(StaffMessages.class, Localized.Literal.of("de"));
        ModerationMessages moderation = MessageBundles.get(ModerationMessages.class, Localized.Literal.of("de"));
        AdminMessages admin = MessageBundles.get(AdminMessages.class, Localized.Literal.of("de"));

        assertThat(staff.writeNewPost()).isEqualTo("Neuen Beitrag schreiben");
        assertThat(staff.deskTrashWas(staff.deskStatus("DRAFT"))).isEqualTo("Papierkorb (vorher: Entwurf)");
        assertThat(moderation.modComments(3)).isEqualTo("3 Kommentare");
        assertThat(moderation.modNone("pending")).isEqualTo("Keine ausstehenden Kommentare.");
        assertThat(admin.setupPassword(12)).isEqualTo("Passwort (mindestens 12 Zeichen)");
        assertThat(admin.auditKind("IMPORT_EXPORT")).isEqualTo("Importe und Exporte");
    }

    @Test
    void aTemplateInGermanPicksTheGermanBundle() {
        String html = engine.parse("{staff:writeNewPage} · {staffmod:modTab('trash')} · {staffadmin:roleName('EDITOR')}")
                .instance().setLocale(Locale.GERMAN).render();

        assertThat(html).isEqualTo("Neue Seite schreiben · Papierkorb · Redakteur");
    }
}
