package org.quillpress.wxr;

import static org.quillpress.wxr.WxrText.cleanTitle;
import static org.quillpress.wxr.WxrText.clip;
import static org.quillpress.wxr.WxrText.date;
import static org.quillpress.wxr.WxrText.decode;
import static org.quillpress.wxr.WxrText.plainText;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.post.Category;
import org.quillpress.post.Post;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostSaved;
import org.quillpress.post.PostService;
import org.quillpress.post.PostStatus;
import org.quillpress.post.SlugRedirect;
import org.quillpress.post.Tag;
import org.quillpress.web.BodyFormat;
import org.quillpress.web.Markdown;
import org.quillpress.web.Slugs;
import org.quillpress.web.WordPressHtml;
import org.quillpress.wxr.ImportReport.Kind;
import org.quillpress.wxr.WxrReader.Item;
import org.quillpress.wxr.WxrReader.ItemTerm;

/** WordPress posts and pages as posts and pages here, with their authors, terms and comments. */
@ApplicationScoped
class ImportedPosts {

    private static final int DERIVED_EXCERPT = 300;

    @Inject
    Markdown markdown;

    @Inject
    Clock clock;

    @Inject
    ImportedAuthors authors;

    @Inject
    ImportedTerms terms;

    @Inject
    ImportedComments comments;

    @Inject
    PostService postService;

    @Inject
    ImportedMedia media;

    /** Stores a post or page (unless imported before, or of a kind or status not kept) and then its comments. */
    void importItem(ImportRun run, String source, Item item) {
        String type = item.get("wp:post_type").isBlank() ? "post" : item.get("wp:post_type").strip();
        String title = cleanTitle(item.get("title"));
        long wpId = WxrReader.number(item.get("wp:post_id"));
        String what = ImportRun.words().item(title.isEmpty() ? ImportRun.words().noTitle() : title, type, wpId, item.line());
        Kind kind = switch (type) {
            case "post" -> Kind.POST;
            case "page" -> Kind.PAGE;
            default -> null;
        };
        if (kind == null) {
            String reason = switch (type) {
                case "attachment" -> ImportRun.words().skipAttachment();
                case "nav_menu_item" -> ImportRun.words().skipMenuItem();
                case "revision" -> ImportRun.words().skipRevisionType();
                default -> ImportRun.words().skipPostType(type);
            };
            run.skipped(Kind.OTHER, what, reason);
            return;
        }
        String wpStatus = item.get("wp:status").strip();
        if (wpStatus.equals("trash") || wpStatus.equals("auto-draft") || wpStatus.equals("inherit")) {
            run.skipped(kind, what, switch (wpStatus) {
                case "trash" -> ImportRun.words().skipTrash();
                case "auto-draft" -> ImportRun.words().skipAutoDraft();
                default -> ImportRun.words().skipRevision();
            });
            for (int i = 0; i < item.comments().size(); i++) {
                run.skipped(Kind.COMMENT, ImportRun.words().commentOn(what), ImportRun.words().skipPostNotImported());
            }
            return;
        }
        // an id the file used before for another item is filed apart; the very same item again is found again
        String filedAs = wpId > 0 ? run.fileAs(source, wpId, fingerprint(item)) : source;
        boolean repeated = filedAs == null;
        if (repeated) {
            filedAs = source;
        } else if (!filedAs.equals(source)) {
            run.note(ImportRun.words().noteSameId(what, wpId));
        }
        String itemSource = filedAs;
        Post post = wpId > 0 ? WxrLink.localId(itemSource, WxrLink.Kind.POST, wpId).map(id -> Post.<Post> findById(id))
                .orElse(null) : null;
        if (post != null) {
            run.skipped(kind, what, repeated ? ImportRun.words().skipRepeated() : ImportRun.words().skipAlreadyImported());
            renderAgain(run, post, item, itemSource, wpId, what);
        } else {
            post = createPost(run, source, itemSource, item, kind, wpId, title, what);
        }
        comments.importComments(run, itemSource, item, post, what);
    }

    /** What tells two items with one id apart: their type, title, slug, date and content. */
    private static String fingerprint(Item item) {
        return String.join("\n", item.get("wp:post_type"), item.get("title"), item.get("wp:post_name"),
                item.get("wp:post_date"), Integer.toHexString(item.get("content:encoded").hashCode()));
    }

    private Post createPost(ImportRun run, String source, String itemSource, Item item, Kind kind, long wpId,
            String title, String what) {
        Post post = new Post();
        post.kind = kind == Kind.PAGE ? PostKind.PAGE : PostKind.POST;
        if (title.isEmpty()) {
            title = ImportRun.words().untitled();
            run.note(ImportRun.words().noteUntitled(what, title));
        } else if (title.length() > PostService.MAX_TITLE) {
            title = clip(title, PostService.MAX_TITLE);
            run.note(ImportRun.words().noteTitleCut(what, PostService.MAX_TITLE));
        }
        post.title = title;

        String content = item.get("content:encoded");
        String markdownSource = item.fields().get("qp:markdown");
        if (markdownSource != null) {
            post.bodyFormat = BodyFormat.MARKDOWN;
            post.bodyMarkdown = markdownSource;
        } else {
            post.bodyFormat = BodyFormat.WORDPRESS;
            post.bodyMarkdown = content;
        }
        boolean galleryPending = false;
        if (post.bodyFormat == BodyFormat.WORDPRESS) {
            WordPressHtml.Rendered rendered = markdown.renderWordPress(content, media.forItem(itemSource, wpId));
            post.bodyHtml = rendered.html();
            // a gallery's images usually come after its post in the file: judged once all of it has been read
            galleryPending = rendered.notRendered().stream().anyMatch(ImportedPosts::isGallery);
            run.notRendered(rendered.notRendered().stream().filter(n -> !isGallery(n)).toList(), what);
        } else {
            post.bodyHtml = markdown.renderPost(post.bodyMarkdown, post.bodyFormat);
        }
        post.excerpt = excerpt(item, post);

        Instant date = date(item.get("wp:post_date_gmt"), item.get("wp:post_date"), item.get("pubDate"),
                run.blogOffset());
        Instant now = clock.instant();
        String wpStatus = item.get("wp:status").strip();
        boolean locked = !item.get("wp:post_password").isEmpty();
        if (locked) {
            post.status = PostStatus.DRAFT;
            run.note(ImportRun.words().notePasswordProtected(what));
        } else {
            post.status = switch (wpStatus) {
                case "publish", "future" -> date != null && date.isAfter(now) ? PostStatus.SCHEDULED
                        : PostStatus.PUBLISHED;
                case "draft", "pending" -> PostStatus.DRAFT;
                case "private" -> {
                    run.note(ImportRun.words().notePrivate(what));
                    yield PostStatus.DRAFT;
                }
                default -> {
                    run.note(ImportRun.words().noteUnknownStatus(what, wpStatus));
                    yield PostStatus.DRAFT;
                }
            };
        }
        post.publishAt = post.status == PostStatus.DRAFT ? null : date == null ? now : date;
        post.createdAt = date == null ? now : date;
        post.updatedAt = now;

        String wpSlug = clip(decode(item.get("wp:post_name").strip()), Slugs.MAX_LENGTH);
        post.slug = freeSlug(run, post.kind, wpSlug, title, what);
        post.author = authors.authorFor(run, item.get("dc:creator"), what);

        List<ItemTerm> categories = item.terms().stream().filter(t -> "category".equals(t.domain())).toList();
        if (post.kind == PostKind.POST) {
            // every category WordPress had it in, the first (WordPress's order in the file) as the main one, unless
            // the item names its main category (our export does: WordPress sorts a post's categories by name)
            String main = item.get("meta:" + WxrExporter.MAIN_CATEGORY_META).strip();
            List<Category> placed = new java.util.ArrayList<>();
            for (ItemTerm term : categories) {
                Category category = terms.category(run, term);
                if (!placed.contains(category)) {
                    placed.add(main.equals(term.slug()) ? 0 : placed.size(), category);
                }
            }
            post.placeIn(placed.isEmpty() ? List.of(terms.defaultCategory(run)) : placed);
            for (ItemTerm term : item.terms()) {
                if ("post_tag".equals(term.domain())) {
                    Tag tag = terms.tag(run, term);
                    if (tag != null) {
                        post.tags.add(tag);
                    }
                }
            }
        }
        post.menuOrder = (int) Math.max(Integer.MIN_VALUE,
                Math.min(Integer.MAX_VALUE, WxrReader.number(item.get("wp:menu_order"))));
        post.commentsOpen = !"closed".equals(item.get("wp:comment_status").strip());
        post.sticky = "1".equals(item.get("wp:is_sticky").strip());
        long wpParent = WxrReader.number(item.get("wp:post_parent"));
        if (wpParent > 0) {
            post.parent = WxrLink.localId(source, WxrLink.Kind.POST, wpParent).map(id -> Post.<Post> findById(id))
                    .orElse(null);
        }
        post.persist();
        if (wpParent > 0 && post.parent == null) {
            run.deferredParents.put(post.id, wpParent);
        }
        if (galleryPending) {
            run.deferredGalleries.put(post.id, new ImportRun.DeferredGallery(itemSource, wpId, what));
        }
        SlugRedirect.release(post.slug);
        if (wpId > 0) {
            WxrLink.record(itemSource, WxrLink.Kind.POST, wpId, post.id, wpSlug.isEmpty() ? null : wpSlug);
        } else {
            run.note(ImportRun.words().noteNoId(what));
        }
        if (post.kind == PostKind.PAGE) {
            run.pageSaved = new PostSaved(post.id, post.slug, post.kind);
        }
        run.imported(kind);
        return post;
    }

    /** The post's slug by the post service's rule, starting from its WordPress slug (else its title). */
    private static String freeSlug(ImportRun run, PostKind kind, String wpSlug, String title, String what) {
        String root = PostService.slugRoot(Slugs.of(wpSlug.isEmpty() ? title : wpSlug, kind == PostKind.PAGE ? "page" : "post"),
                kind);
        String slug = PostService.uniqueSlug(root, kind, null);
        if (!slug.equals(root)) {
            run.note(ImportRun.words().noteSlugTaken(what, root, slug));
        }
        return slug;
    }

    /** The excerpt as plain text: WordPress's own, else the one derived from the body as a post without one shows. */
    private String excerpt(Item item, Post post) {
        String own = plainText(item.get("excerpt:encoded"));
        if (!own.isEmpty()) {
            return clip(own, PostService.MAX_EXCERPT);
        }
        return derivedExcerpt(post);
    }

    /**
     * The excerpt of a post without one of its own: for WordPress content the teaser before
     * {@code <!--more-->}, else the start of the first paragraph; for Markdown the post service's rule. The export
     * leaves an excerpt out when it is this one, so that WordPress does not take it for the author's.
     */
    String derivedExcerpt(Post post) {
        return post.bodyFormat == BodyFormat.MARKDOWN ? postService.deriveExcerpt(post.bodyMarkdown)
                : derivedExcerpt(post.bodyHtml, post.bodyMarkdown);
    }

    private static String derivedExcerpt(String renderedHtml, String content) {
        Matcher more = WordPressHtml.MORE.matcher(content);
        if (more.find()) {
            String teaser = plainText(WordPressHtml.toHtml(content.substring(0, more.start())));
            if (!teaser.isEmpty()) {
                return clip(teaser, PostService.MAX_EXCERPT);
            }
        }
        int end = renderedHtml.indexOf("</p>");
        String text = plainText(end > 0 ? renderedHtml.substring(0, end) : renderedHtml);
        if (text.length() <= DERIVED_EXCERPT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', DERIVED_EXCERPT);
        return text.substring(0, cut > DERIVED_EXCERPT / 2 ? cut : DERIVED_EXCERPT) + "…";
    }

    /**
     * A post imported before, whose WordPress source is still the file's, is rendered again by the current rules:
     * importing the same file again repairs what an older renderer showed wrongly, and changes nothing else.
     */
    private void renderAgain(ImportRun run, Post post, Item item, String itemSource, long wpId, String what) {
        String content = item.get("content:encoded");
        if (post.bodyFormat != BodyFormat.WORDPRESS || !content.equals(post.bodyMarkdown)) {
            return;
        }
        WordPressHtml.Rendered rendered = markdown.renderWordPress(content, media.forItem(itemSource, wpId));
        run.notRendered(rendered.notRendered().stream().filter(n -> !isGallery(n)).toList(), what);
        if (rendered.notRendered().stream().anyMatch(ImportedPosts::isGallery)) {
            run.deferredGalleries.put(post.id, new ImportRun.DeferredGallery(itemSource, wpId, what));
        }
        if (!rendered.html().equals(post.bodyHtml)) {
            post.bodyHtml = rendered.html();
            run.note(ImportRun.words().noteRenderedAgain(what));
        }
    }

    private static boolean isGallery(String notRendered) {
        return notRendered.startsWith("[gallery]");
    }

    /** Posts whose galleries wait for images met later in the file: rendered again now that all are known. */
    void renderGalleries(ImportRun run) {
        for (Map.Entry<Long, ImportRun.DeferredGallery> entry : run.deferredGalleries.entrySet()) {
            Post post = Post.findById(entry.getKey());
            if (post == null) {
                continue;
            }
            WordPressHtml.Rendered rendered = markdown.renderWordPress(post.bodyMarkdown,
                    media.forItem(entry.getValue().source(), entry.getValue().wpId()));
            post.bodyHtml = rendered.html();
            rendered.notRendered().stream().filter(ImportedPosts::isGallery)
                    .forEach(name -> run.report.notRendered(name, entry.getValue().what()));
        }
    }

    /** Pages whose parent came later in the file than they did: placed under it now that all are in. */
    void resolveParents(ImportRun run, String source) {
        for (Map.Entry<Long, Long> entry : run.deferredParents.entrySet()) {
            Post child = Post.findById(entry.getKey());
            Long parentId = WxrLink.localId(source, WxrLink.Kind.POST, entry.getValue()).orElse(null);
            if (child == null) {
                continue;
            }
            if (parentId == null || parentId.equals(child.id)) {
                run.report.note(ImportRun.words().noteParentMissing(child.title, entry.getValue()));
            } else {
                child.parent = Post.findById(parentId);
            }
        }
    }
}
