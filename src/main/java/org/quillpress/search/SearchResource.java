package org.quillpress.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.web.ControlCharacters;
import org.quillpress.web.SiteLanguage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The search page: ranked posts and pages with highlighted passages, and the tags whose names match. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String title, String query, Search.Results results);
    }

    @Inject
    Search search;

    @GET
    public TemplateInstance search(@RestQuery String q, @RestQuery Integer page) {
        ControlCharacters.refuse("q", q);
        String query = q == null ? "" : q.strip();
        if (query.length() > Search.MAX_QUERY) {
            query = query.substring(0, Search.MAX_QUERY);
        }
        String title = query.isEmpty() ? SiteLanguage.messages().search()
                : SiteLanguage.messages().searchResultsTitle(query);
        return Templates.search(title, query, search.find(query, page == null ? 1 : page));
    }
}
