package org.quillpress.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffMessages;

/**
 * The desk's bulk form: the ticked posts, what to do with them (and the category for a move), and the list to
 * return to, as its filters were.
 */
public record DeskForm(
        @RestForm List<String> ids,
        @RestForm String action,
        @RestForm("to-category") String category,
        @RestForm String status,
        @RestForm String q,
        @RestForm String author,
        @RestForm("category") String categoryFilter,
        @RestForm String tag,
        @RestForm String kind,
        @RestForm String sort) {

    /** The ticked posts' ids; damaged ones are a bad request naming the selection. */
    List<Long> postIds(StaffMessages text) {
        List<Long> parsed = new ArrayList<>();
        for (String id : ids == null ? List.<String> of() : ids) {
            try {
                parsed.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(Map.of("ids", text.errSelectionDamaged()));
            }
        }
        return parsed;
    }

    /** The list the form was sent from. */
    DeskResource.ListParams list() {
        return new DeskResource.ListParams(status, q, author, categoryFilter, tag, kind, sort, null);
    }
}
