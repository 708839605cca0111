package org.quillpress.post;

/** Fired when a post or page was created, changed or published, for whatever shows it. */
public record PostSaved(long id, String slug, PostKind kind) {

    static PostSaved of(Post post) {
        return new PostSaved(post.id, post.slug, post.kind);
    }
}
