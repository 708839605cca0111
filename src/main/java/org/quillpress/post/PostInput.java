package org.quillpress.post;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What an author submits for a post or page, from the write form or the JSON API, before any
 * checking. Every field may be missing; {@link PostService} says what is wrong with it.
 */
// the API's schema keeps the name and field order it had when the API read its own copy of this record
@Schema(name = "PostRequest")
@JsonPropertyOrder({ "title", "body", "excerpt", "slug", "tags", "category", "status", "publishAt", "commentsOpen",
        "version", "kind", "parent", "menuOrder", "categories", "featuredImage" })
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
        Integer menuOrder,
        /** Every category, main one first; {@code category} alone (the older field) still names just one. */
        List<String> categories,
        /** The featured image: a media id or one of its {@code /media} addresses; blank for none, null to keep. */
        String featuredImage) {

    /** Input with the list of categories but no say on the featured image. */
    public PostInput(String title, String body, String excerpt, List<String> tags, String category, String slug,
            String status, String publishAt, Boolean commentsOpen, Integer version, String kind, String parent,
            Integer menuOrder, List<String> categories) {
        this(title, body, excerpt, tags, category, slug, status, publishAt, commentsOpen, version, kind, parent,
                menuOrder, categories, null);
    }

    /** Input with a say on the featured image but not the list of categories. */
    public PostInput(String title, String body, String excerpt, List<String> tags, String category, String slug,
            String status, String publishAt, Boolean commentsOpen, Integer version, String kind, String parent,
            Integer menuOrder, String featuredImage) {
        this(title, body, excerpt, tags, category, slug, status, publishAt, commentsOpen, version, kind, parent,
                menuOrder, null, featuredImage);
    }

    /** Input as callers wrote it before a post could have several categories or a featured image. */
    public PostInput(String title, String body, String excerpt, List<String> tags, String category, String slug,
            String status, String publishAt, Boolean commentsOpen, Integer version, String kind, String parent,
            Integer menuOrder) {
        this(title, body, excerpt, tags, category, slug, status, publishAt, commentsOpen, version, kind, parent,
                menuOrder, null, null);
    }
}
