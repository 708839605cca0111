package org.quillpress.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.qute.i18n.Localized;

/**
 * The staff messages for what Java writes on the staff pages (notices, labels, form errors), in the language the
 * pages are in. Templates do not come here: Qute picks a bundle's language from the template's {@code locale}.
 */
@ApplicationScoped
public class StaffText {

    @Inject
    @Any
    Instance<StaffMessages> staff;

    @Inject
    @Any
    Instance<ModerationMessages> moderation;

    @Inject
    @Any
    Instance<AdminMessages> admin;

    /** Writing, the desk, the media library, and what the staff pages share. */
    public StaffMessages messages() {
        return localized(staff);
    }

    /** The moderation pages and the discussion settings. */
    public ModerationMessages moderation() {
        return localized(moderation);
    }

    /** The administration pages. */
    public AdminMessages admin() {
        return localized(admin);
    }

    /**
     * The language the staff pages' Java text is in: the site's ({@link SiteLanguage}).
     */
    Locale siteLocale() {
        return SiteLanguage.locale();
    }

    /** The bundle in the site's language; English when that language has no translation. */
    private <T> T localized(Instance<T> bundles) {
        Locale locale = siteLocale();
        for (String tag : new String[] { locale.toLanguageTag(), locale.getLanguage() }) {
            if (!tag.isEmpty() && !"und".equals(tag)) {
                Instance<T> localized = bundles.select(Localized.Literal.of(tag));
                if (localized.isResolvable()) {
                    return localized.get();
                }
            }
        }
        return bundles.select(Default.Literal.INSTANCE).get();
    }
}
