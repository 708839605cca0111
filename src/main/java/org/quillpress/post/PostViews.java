package org.quillpress.post;

import java.time.Instant;
import java.util.List;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.web.Paths;

/** What templates and the API show of posts: plain values, never entities, never an email. */
public final class PostViews {

    private PostViews() {
    }

    public record TagLink(String name, String slug) {
        public String path() {
            return Paths.tag(slug);
        }
    }

    public record CategoryLink(String name, String slug) {
        public String path() {
            return Paths.category(slug);
        }
    }

    public record AuthorCard(String displayName, String handle, String bio, String website) {
        public String path() {
            return Paths.author(handle);
        }

        public String initials() {
            return org.quillpress.web.Avatars.initials(displayName);
        }

        /** Stable for a handle, so an author keeps their colour when renamed. */
        public int colour() {
            return org.quillpress.web.Avatars.colour(handle);
        }
    }

    /** A post in a list: home, archives, search. */
    public record Summary(long id, String slug, String title, String excerpt, Instant publishAt, AuthorCard author,
            CategoryLink category, List<TagLink> tags, long commentCount, Long featuredMediaId) {
        public String path() {
            return Paths.post(slug);
        }
    }

    /** A neighbour of a post, for previous/next links. */
    public record Neighbour(String title, String slug) {
        public String path() {
            return Paths.post(slug);
        }
    }

    /** A whole post or page as its page shows it. */
    public record Full(long id, PostKind kind, String slug, String title, String bodyHtml, String excerpt,
            PostStatus status, Instant publishAt, Instant updatedAt, long authorId, AuthorCard author,
            CategoryLink category,
            List<TagLink> tags, boolean commentsOpen, boolean visible, boolean editable, Neighbour older,
            Neighbour newer, List<CategoryLink> categories, String path,
            Long featuredMediaId) {

        /** The same post as {@code viewer} sees it, with the edit link if it is theirs to change. */
        public Full as(AccountPrincipal viewer) {
            return new Full(id, kind, slug, title, bodyHtml, excerpt, status, publishAt, updatedAt, authorId, author,
                    category, tags, commentsOpen, visible, Post.editableBy(viewer, authorId), older, newer, categories,
                    path, featuredMediaId);
        }

        /** The page that edits this post or page. */
        public String editPath() {
            return Paths.postEdit(slug);
        }

        /** The Atom feed of this post's comments. */
        public String commentFeedPath() {
            return Paths.postCommentFeed(slug);
        }

        public boolean isPage() {
            return kind == PostKind.PAGE;
        }

        public boolean isDraft() {
            return status == PostStatus.DRAFT;
        }

        /** The categories after the main one, for the "posted in" line. */
        public List<CategoryLink> otherCategories() {
            return categories.size() <= 1 ? List.of() : categories.subList(1, categories.size());
        }
    }

    /** One page of a list, with the cursors that lead to older and newer posts. */
    public record Listing(List<Summary> posts, String olderCursor, String newerCursor) {
        public boolean isEmpty() {
            return posts.isEmpty();
        }
    }
}
