package org.quillpress.support;

import java.util.HashMap;
import java.util.Map;

import org.quillpress.site.SiteSettings;

import io.quarkus.arc.Arc;
import io.restassured.response.Response;

/** Switches the site's language the way its owner does: the settings form, posted with its CSRF token. */
public final class SiteLanguages {

    private SiteLanguages() {
    }

    /** Sets the language ("de", "ar", "en"), keeping every other setting; the answer is the settings form's. */
    public static Response use(String tag) {
        SiteSettings.Site site = Arc.container().instance(SiteSettings.class).get().current();
        Map<String, String> form = new HashMap<>(Map.of("title", site.title(), "tagline", site.tagline(),
                "description", site.description(), "postsPerPage", Integer.toString(site.postsPerPage()),
                "timeZone", site.timeZone().getId(), "dateStyle", site.dateStyle().name()));
        form.put("language", tag);
        return WebClient.owner().postForm("/admin/settings", form, "/admin/settings");
    }
}
