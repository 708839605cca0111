package org.quillpress.moderation;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.moderation.ModerationViews.Filter;

import io.quarkus.qute.TemplateData;

/**
 * A status change on one comment: the action, an optional reason, and where to go back to: the comment's own page
 * ({@code back=comment}) or the queue as filtered.
 */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record ActionForm(
        @RestForm String action,
        @RestForm String reason,
        @RestForm String back,
        @RestForm("status") String tab,
        @RestForm String post,
        @RestForm String q,
        @RestForm String after) {

    /** The audit trail's column holds this many characters; the bulk form's reason goes there too. */
    public static final int MAX_REASON = ModerationService.MAX_ACTION_REASON;

    Filter filter() {
        return FilterForm.filter(tab, post, q, after);
    }

    boolean backToComment() {
        return "comment".equals(back);
    }
}
