/**
 * Posts and standalone pages, tags and categories: writing ({@link org.quillpress.post.WriteResource},
 * {@link org.quillpress.post.PostApi}, {@link org.quillpress.post.PostService}), reading
 * ({@link org.quillpress.post.PostReader}, {@link org.quillpress.post.PostListing}) and the public lists
 * ({@link org.quillpress.post.BlogResource}: home, archives), scheduled publishing and the navigation,
 * and the authors' desk: the staff list ({@link org.quillpress.post.PostDesk}), the trash
 * ({@link org.quillpress.post.PostTrash}) and revisions ({@link org.quillpress.post.PostRevisions}).
 * <p>
 * Rules: a draft or scheduled post is seen only by its author and admins; a trashed one by nobody (410); an old
 * slug answers 301; Markdown is rendered and cleaned once, on save. It knows nothing of comments: a post's own page, with its
 * discussion,
 * is served by the comment package.
 */
package org.quillpress.post;
