package org.quillpress.layout;

import java.util.List;

import org.quillpress.QuillpressConfig;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.SocialProviders;
import org.quillpress.post.Navigation;
import org.quillpress.search.Search;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.FormFields;
import org.quillpress.security.FormStamp;
import org.quillpress.security.StandIn;
import org.quillpress.site.SiteSettings;
import org.quillpress.team.ReaderSignUps;
import org.quillpress.web.SiteLanguage;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/** Data every page's layout needs: the site, who is looking, and the navigation. */
@TemplateGlobal
public class Globals {

    static SiteSettings.Site site() {
        return Arc.container().instance(SiteSettings.class).get().current();
    }

    /** The signed-in account, or null for a guest. */
    static AccountPrincipal viewer() {
        return StandIn.viewerOr(() -> Arc.container().instance(CurrentUser.class).get().account().orElse(null));
    }

    /** The providers a guest may sign in with (empty when none is set up). */
    static List<SocialProviders.Listed> signInProviders() {
        return Arc.container().instance(SocialProviders.class).get().enabled();
    }

    static List<Navigation.Link> navigation() {
        return Arc.container().instance(Navigation.class).get().links();
    }

    /** A fresh signed time for a public form (see {@link FormStamp}). */
    static String formStamp() {
        return Arc.container().instance(FormStamp.class).get().issue();
    }

    /** The longest query the search boxes take: what the search itself keeps of one. */
    static int searchMaxLength() {
        return Search.MAX_QUERY;
    }

    static String siteUrl() {
        return Arc.container().instance(QuillpressConfig.class).get().siteUrl();
    }

    /** Whether readers may sign up by email (an admin's choice, off by default), for the sign-in page's link. */
    static boolean readerSignUp() {
        return Arc.container().instance(ReaderSignUps.class).get().open();
    }

    /** The site's language: {@code <html lang dir>} (see {@link SiteLanguage}). */
    static SiteLanguage.Language language() {
        return SiteLanguage.current();
    }

    /** The CSRF token for the page's forms (see {@link FormFields#csrfToken}). */
    static String csrfToken() {
        return StandIn.csrfTokenOr(FormFields::csrfToken);
    }
}
