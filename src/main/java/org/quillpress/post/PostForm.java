package org.quillpress.post;

import java.util.Arrays;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.web.ExternalImages;
import org.quillpress.web.Slugs;

import io.quarkus.qute.TemplateData;

/** The write page's fields as typed, kept as they are so that a rejected form comes back intact. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record PostForm(
        @RestForm String title,
        @RestForm String body,
        @RestForm String excerpt,
        @RestForm String tags,
        @RestForm String category,
        @RestForm String slug,
        @RestForm String status,
        @RestForm String publishAt,
        @RestForm String commentsOpen,
        @RestForm Integer version,
        @RestForm String kind,
        @RestForm String parent,
        @RestForm Integer menuOrder,
        @RestForm String action,
        @RestForm List<String> categories,
        /** The featured image chosen from the library (a media id), or blank. */
        @RestForm String featuredImage,
        /** A pasted {@code /media} address, which wins over the choice when given. */
        @RestForm String featuredImageUrl) {

    public static final int MAX_TITLE = PostService.MAX_TITLE;
    public static final int MAX_EXCERPT = PostService.MAX_EXCERPT;
    /** Room for {@link PostService#MAX_TAGS} tags of a usual length with their commas; each is checked on save. */
    public static final int MAX_TAGS_TEXT = 2000;
    public static final int MAX_SLUG = Slugs.MAX_LENGTH;

    public static PostForm blank(PostKind kind) {
        return new PostForm("", "", "", "", Category.DEFAULT_NAME, "", PostStatus.DRAFT.name(), "", "on", null,
                kind.name(), "", 0, null, List.of(), "", "");
    }

    public static PostForm of(Post post) {
        String tags = String.join(", ", post.tags.stream().map(t -> t.name).toList());
        return new PostForm(post.title, post.bodyMarkdown, post.excerpt, tags,
                post.category == null ? "" : post.category.name, post.slug, post.status.name(),
                org.quillpress.web.TemplateExtensions.inputValue(post.publishAt), post.commentsOpen ? "on" : null,
                post.version, post.kind.name(), post.parent == null ? "" : post.parent.slug, post.menuOrder, null,
                post.categories.stream().skip(1).map(c -> c.name).toList(),
                post.featuredMediaId == null ? "" : post.featuredMediaId.toString(), "");
    }

    /** Whether the "also in" box of category {@code name} is ticked. */
    public boolean alsoIn(String name) {
        return categories != null && categories.contains(name);
    }

    /** Whether the library's image with this id is the one chosen. */
    public boolean features(long id) {
        return Long.toString(id).equals(featuredImage);
    }

    public boolean previewRequested() {
        return "preview".equals(action);
    }

    /** The other site's image address whose "Copy into the library" button was pressed, or null. */
    public String imageToCopy() {
        return action != null && action.startsWith(ExternalImages.COPY_ACTION)
                ? action.substring(ExternalImages.COPY_ACTION.length())
                : null;
    }

    /** The same form with another body: after an image was copied, its library address in place of the old. */
    PostForm withBody(String newBody) {
        return new PostForm(title, newBody, excerpt, tags, category, slug, status, publishAt, commentsOpen, version,
                kind, parent, menuOrder, action, categories, featuredImage, featuredImageUrl);
    }

    public boolean isPage() {
        return PostKind.PAGE.name().equals(kind);
    }

    public boolean commentsAllowed() {
        return commentsOpen != null;
    }

    public boolean hasStatus(String name) {
        return name.equals(status == null || status.isBlank() ? PostStatus.DRAFT.name() : status);
    }

    PostInput toInput() {
        List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).toList();
        return new PostInput(title, body, excerpt, tagList, category, slug, status, publishAt, commentsAllowed(),
                version, kind, parent, menuOrder, categories,
                featuredImageUrl != null && !featuredImageUrl.isBlank() ? featuredImageUrl
                        : featuredImage == null ? "" : featuredImage);
    }
}
