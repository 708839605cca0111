package org.quillpress.post;

import java.util.List;

/**
 * What an author submits for a post or page, from the write form or the JSON API, before any
 * checking. Every field may be missing; {@link PostService} says what is wrong with it.
 */
public record PostInput(
        String title,
        String body,
        String excerpt,
        List<String> tags,
        String category,
        String slug,
        String status,
        String publishAt,
        Boolean commentsOpen,
        Integer version,
        String kind,
        String parent,
        Integer menuOrder) {
}
