package org.quillpress.web;

import java.util.List;

import org.quillpress.QuillpressConfig;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.SocialProviders;
import org.quillpress.post.Navigation;
import org.quillpress.security.CurrentUser;
import org.quillpress.site.SiteSettings;

import io.quarkus.arc.Arc;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.TemplateGlobal;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/** Data every page's layout needs: the site, who is looking, and the navigation. */
@TemplateGlobal
public class Globals {

    static SiteSettings.Site site() {
        return Arc.container().instance(SiteSettings.class).get().current();
    }

    /** The signed-in account, or null for a guest. */
    static AccountPrincipal viewer() {
        return Arc.container().instance(CurrentUser.class).get().account().orElse(null);
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

    static String siteUrl() {
        return Arc.container().instance(QuillpressConfig.class).get().siteUrl();
    }

    /**
     * The CSRF token for the page's forms. The CSRF filter provides it, but a request refused by a role
     * check or matching no resource never reaches that filter, and its error page still carries the
     * sign-out form: then the token is the one in the browser's CSRF cookie, as the filter would reuse it.
     */
    static String csrfToken() {
        CsrfTokenParameterProvider csrf = Arc.container().instance(CsrfTokenParameterProvider.class).get();
        try {
            return csrf.getToken();
        } catch (IllegalStateException notFiltered) {
            Cookie cookie = Arc.container().instance(RoutingContext.class).get().request()
                    .getCookie(csrf.getCookieName());
            return cookie == null ? "" : cookie.getValue();
        }
    }
}
