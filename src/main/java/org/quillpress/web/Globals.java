package org.quillpress.web;

import java.util.List;

import org.quillpress.QuillpressConfig;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.post.Navigation;
import org.quillpress.security.CurrentUser;
import org.quillpress.site.SiteSettings;

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
        return Arc.container().instance(CurrentUser.class).get().account().orElse(null);
    }

    static List<Navigation.Link> navigation() {
        return Arc.container().instance(Navigation.class).get().links();
    }

    /**
     * The CSRF token for forms. The CSRF filter puts it on the request, but refusals by a security check
     * render their page before that filter runs; the cookie then holds the same value.
     */
    static String csrfToken() {
        io.vertx.ext.web.RoutingContext routing = Arc.container()
                .instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class).get().getCurrent();
        Object token = routing.get("csrf_token");
        if (token == null) {
            io.vertx.core.http.Cookie cookie = routing.request().getCookie("csrf-token");
            token = cookie == null ? "" : cookie.getValue();
        }
        return token.toString();
    }

    static String siteUrl() {
        return Arc.container().instance(QuillpressConfig.class).get().siteUrl();
    }
}
