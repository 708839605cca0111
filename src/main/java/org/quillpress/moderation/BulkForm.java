package org.quillpress.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.moderation.ModerationViews.Filter;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffMessages;

/** The queue's bulk form: the ticked comments, what to do with them, and the queue to return to. */
public record BulkForm(
        @RestForm List<String> ids,
        @RestForm String action,
        @RestForm String reason,
        @RestForm("status") String tab,
        @RestForm String post,
        @RestForm String q,
        @RestForm String after) {

    /** The most comments one bulk action takes: two pages' worth of checkboxes and then some. */
    static final int MAX_BULK = 500;

    Filter filter() {
        return FilterForm.filter(tab, post, q, after);
    }

    boolean deletes() {
        return ModerationViews.DELETE.equals(action);
    }

    /** The ticked comments' ids, at least one and at most {@link #MAX_BULK}. */
    List<Long> commentIds(StaffMessages text) {
        List<Long> parsed = new ArrayList<>();
        for (String id : ids == null ? List.<String> of() : ids) {
            try {
                parsed.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(Map.of("ids", text.errSelectionDamaged()));
            }
        }
        if (parsed.isEmpty()) {
            throw new InvalidInputException(Map.of("ids", text.modErrNoneSelected()));
        }
        if (parsed.size() > MAX_BULK) {
            throw new InvalidInputException(Map.of("ids", text.modErrTooMany(MAX_BULK)));
        }
        return parsed;
    }
}
