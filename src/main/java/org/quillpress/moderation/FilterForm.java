package org.quillpress.moderation;

import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.moderation.ModerationViews.Filter;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

import io.quarkus.qute.TemplateData;

/**
 * The queue's tab, post, search and cursor, carried by every queue form so that an action returns there. The tab is
 * posted as {@code status}, the queue's address's name for it: it picks the list to return to, never a comment's status.
 */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record FilterForm(
        @RestForm("status") String tab,
        @RestForm String post,
        @RestForm String q,
        @RestForm String after) {

    public static final int MAX_QUERY = 200;

    Filter filter() {
        return filter(tab, post, q, after);
    }

    /** The filter, refusing a search longer than the search box takes. */
    static Filter filter(String status, String post, String q, String after) {
        if (q != null && q.length() > MAX_QUERY) {
            throw new InvalidInputException(Map.of("q", SiteLanguage.messages(CheckMessages.class).modQuery(MAX_QUERY)));
        }
        return Filter.of(status, post, q, after);
    }
}
