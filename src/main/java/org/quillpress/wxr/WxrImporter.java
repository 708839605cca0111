package org.quillpress.wxr;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.quillpress.account.Account;
import org.quillpress.account.AccountService;
import org.quillpress.account.LoginIdentity;
import org.quillpress.account.Role;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentStatus;
import org.quillpress.post.Category;
import org.quillpress.post.Post;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostSaved;
import org.quillpress.post.PostService;
import org.quillpress.post.PostStatus;
import org.quillpress.post.SlugRedirect;
import org.quillpress.post.Tag;
import org.quillpress.web.BodyFormat;
import org.quillpress.web.ContentChanged;
import org.quillpress.web.Markdown;
import org.quillpress.web.Slugs;
import org.quillpress.web.WordPressHtml;
import org.quillpress.wxr.ImportReport.Kind;
import org.quillpress.wxr.WxrReader.Item;
import org.quillpress.wxr.WxrReader.ItemTerm;
import org.quillpress.wxr.WxrReader.MalformedFile;
import org.quillpress.wxr.WxrReader.Unit;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Brings a WordPress export in: authors, categories with their hierarchy, tags, posts and pages with
 * their comments. One transaction per batch of items, so a post is never stored without its comments and
 * a broken file leaves only whole batches behind. Everything imported is remembered by its WordPress id
 * ({@link WxrLink}), so importing the same file again changes nothing.
 */
@ApplicationScoped
public class WxrImporter {

    /** Items per transaction; a batch also ends once it holds this many comments. */
    static final int BATCH_ITEMS = 200;
    static final int BATCH_COMMENTS = 5000;

    /** Comments of one post written to the database (and forgotten by the session) at a time. */
    static final int FLUSH_COMMENTS = 1000;

    /** Each thread level adds 13 characters to a comment's path (400 at most). */
    static final int MAX_STORED_DEPTH = 30;

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int DERIVED_EXCERPT = 300;

    @Inject
    Markdown markdown;

    @Inject
    EntityManager em;

    @Inject
    Event<ContentChanged> changed;

    @Inject
    Event<PostSaved> saved;

    /** Imports the export read from {@code in}, filling {@code report} as it goes. */
    public ImportReport run(InputStream in, ImportReport report) {
        Run run = new Run(report);
        List<Unit> batch = new ArrayList<>();
        int comments = 0;
        String lastCommitted = null;
        try (WxrReader reader = new WxrReader(in)) {
            for (Unit unit = reader.next(); unit != null; unit = reader.next()) {
                batch.add(unit);
                comments += unit instanceof Item item ? item.comments().size() : 0;
                if (batch.size() >= BATCH_ITEMS || comments >= BATCH_COMMENTS) {
                    commit(run, source(reader), batch);
                    lastCommitted = describe(batch.get(batch.size() - 1));
                    batch.clear();
                    comments = 0;
                }
            }
            commit(run, source(reader), batch);
            resolveParents(run, source(reader));
            report.finish();
        } catch (MalformedFile e) {
            String kept = lastCommitted == null
                    ? "Nothing from this file was stored."
                    : "The first " + report.batches() + " batch(es) of up to " + BATCH_ITEMS
                            + " items were stored, up to and including " + lastCommitted
                            + "; nothing after that (the batch being read when the error came was not stored).";
            report.fail("The file is not a well-formed WordPress export at line " + e.line + ": " + e.getMessage()
                    + " " + kept);
        } catch (RuntimeException e) {
            Log.error("WordPress import failed", e);
            report.fail("The import stopped on an unexpected error (" + e.getMessage() + "). "
                    + report.batches() + " complete batch(es) were stored.");
        }
        return report;
    }

    private static String source(WxrReader reader) {
        String source = reader.source().replaceFirst("/+$", "");
        return source.isEmpty() ? "wordpress" : source.length() > 200 ? source.substring(0, 200) : source;
    }

    private static String describe(Unit unit) {
        if (unit instanceof Item item) {
            return "\"" + cleanTitle(item.get("title")) + "\" (line " + item.line() + ")";
        }
        return "line " + unit.line();
    }

    /**
     * Stores a batch in one transaction. Should the database refuse something in it, the batch is stored
     * again item by item, so that only the items it refuses fail (each reported with the reason).
     */
    private void commit(Run run, String source, List<Unit> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                run.begin();
                for (Unit unit : batch) {
                    apply(run, source, unit);
                    // write each item out and forget it: the session stays small, so the flush before each
                    // query checks one item's entities, not the whole batch's (pending work is batched)
                    em.flush();
                    em.clear();
                }
                announce(run);
            });
            run.commit();
            run.report.batchCommitted();
        } catch (RuntimeException e) {
            run.rollback();
            Log.warnf("A batch of the WordPress import failed (%s); storing its items one by one", e.getMessage());
            for (Unit unit : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        run.begin();
                        apply(run, source, unit);
                        announce(run);
                    });
                    run.commit();
                } catch (RuntimeException single) {
                    run.rollback();
                    run.report.failed(kindOf(unit), describe(unit), rootMessage(single));
                }
            }
            run.report.batchCommitted();
        }
    }

    /** Tells the page cache and the navigation that content changed (they act after the commit). */
    private void announce(Run run) {
        changed.fire(new ContentChanged("WordPress import"));
        if (run.pageSaved != null) {
            saved.fire(run.pageSaved);
        }
    }

    private static Kind kindOf(Unit unit) {
        if (unit instanceof WxrReader.Author) {
            return Kind.AUTHOR;
        }
        if (unit instanceof WxrReader.Term term) {
            return "post_tag".equals(term.taxonomy()) ? Kind.TAG : Kind.CATEGORY;
        }
        return "page".equals(((Item) unit).get("wp:post_type")) ? Kind.PAGE : Kind.POST;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private void apply(Run run, String source, Unit unit) {
        if (unit instanceof WxrReader.Author author) {
            importAuthor(run, author);
        } else if (unit instanceof WxrReader.Term term) {
            importTerm(run, term);
        } else {
            importItem(run, source, (Item) unit);
        }
    }

    // --- authors -----------------------------------------------------------------------------------------

    private void importAuthor(Run run, WxrReader.Author author) {
        String login = author.login().strip();
        if (login.isEmpty()) {
            run.skipped(Kind.AUTHOR, "author on line " + author.line(), "no login name");
            return;
        }
        if (LoginIdentity.count("provider = ?1 and subject = ?2", WxrNames.PROVIDER, login) > 0) {
            run.skipped(Kind.AUTHOR, "author " + login, "already imported");
            return;
        }
        Account account = createAuthor(login, author.displayName(), author.email());
        run.authorIds.put(login, account.id);
        run.imported(Kind.AUTHOR);
    }

    /**
     * An account for a WordPress author, keyed by the sign-in identity ("wordpress", login), never by email:
     * it has no password, so nobody signs in with it until an admin gives it a way to.
     */
    private static Account createAuthor(String login, String displayName, String email) {
        Account account = new Account();
        String name = displayName == null || displayName.isBlank() ? login : displayName.strip();
        account.displayName = name.length() > 120 ? name.substring(0, 120) : name;
        String mail = email == null ? "" : email.strip();
        account.email = AccountService.EMAIL.matcher(mail).matches() && mail.length() <= 254 ? mail : null;
        String base = Slugs.of(login);
        if (base.isEmpty()) {
            base = "author";
        } else if (base.length() > 50) {
            base = base.substring(0, 50).replaceAll("-+$", "");
        }
        account.handle = Slugs.firstFree(base, new HashSet<>(Account.handlesLike(base)));
        account.role = Role.AUTHOR;
        account.createdAt = Instant.now();
        account.persist();
        LoginIdentity identity = new LoginIdentity();
        identity.account = account;
        identity.provider = WxrNames.PROVIDER;
        identity.subject = login;
        identity.createdAt = account.createdAt;
        identity.persist();
        return account;
    }

    private static Account authorFor(Run run, String login) {
        String key = login == null ? "" : login.strip();
        if (key.isEmpty()) {
            return Account.<Account> find("role = ?1 order by id", Role.ADMIN).firstResult();
        }
        Long id = run.authorIds.get(key);
        if (id != null) {
            return Account.findById(id);
        }
        Account account = LoginIdentity.<LoginIdentity> find("provider = ?1 and subject = ?2", WxrNames.PROVIDER, key)
                .firstResultOptional().map(i -> i.account).orElse(null);
        if (account == null) {
            // WXR 1.0 lists no authors: the post's dc:creator is all there is
            account = createAuthor(key, key, null);
            run.imported(Kind.AUTHOR);
        }
        run.authorIds.put(key, account.id);
        return account;
    }

    // --- terms -------------------------------------------------------------------------------------------

    private void importTerm(Run run, WxrReader.Term term) {
        boolean tag = "post_tag".equals(term.taxonomy());
        Kind kind = tag ? Kind.TAG : Kind.CATEGORY;
        String what = (tag ? "tag " : "category ") + "\"" + term.name() + "\"";
        if (!tag && !"category".equals(term.taxonomy())) {
            run.skipped(Kind.OTHER, "term \"" + term.name() + "\" (" + term.taxonomy() + ")",
                    "the taxonomy \"" + term.taxonomy() + "\" has no counterpart here");
            return;
        }
        String slug = termSlug(term.slug(), term.name());
        if (slug.isEmpty()) {
            run.skipped(kind, what, "neither its slug nor its name has a letter or digit");
            return;
        }
        String name = clip(cleanTitle(term.name()).isEmpty() ? slug : cleanTitle(term.name()), 120);
        if (tag) {
            if (Tag.findBySlug(slug).isPresent()) {
                run.skipped(kind, what, "already here");
                return;
            }
            Tag t = new Tag();
            t.slug = slug;
            t.name = name;
            t.persist();
        } else {
            if (Category.findBySlug(slug).isPresent()) {
                run.skipped(kind, what, "already here");
                return;
            }
            Category c = new Category();
            c.slug = slug;
            c.name = name;
            String description = term.description() == null ? "" : term.description().strip();
            c.description = description.isEmpty() ? null : clip(description, 1000);
            if (!term.parentSlug().isBlank()) {
                c.parent = Category.findBySlug(termSlug(term.parentSlug(), "")).orElse(null);
                if (c.parent == null) {
                    run.note(what + ": its parent \"" + term.parentSlug()
                            + "\" is not in the file before it, so it is a top-level category.");
                }
            }
            c.persist();
        }
        run.imported(kind);
    }

    private static String termSlug(String slug, String name) {
        String decoded = decode(slug);
        return Slugs.isValid(decoded) ? decoded : Slugs.of(decoded.isBlank() ? name : decoded);
    }

    // --- posts and pages -----------------------------------------------------------------------------------

    private void importItem(Run run, String source, Item item) {
        String type = item.get("wp:post_type").isBlank() ? "post" : item.get("wp:post_type").strip();
        String title = cleanTitle(item.get("title"));
        long wpId = WxrReader.number(item.get("wp:post_id"));
        String what = "\"" + (title.isEmpty() ? "(no title)" : title) + "\" (" + type + " " + wpId + ", line "
                + item.line() + ")";
        Kind kind = switch (type) {
            case "post" -> Kind.POST;
            case "page" -> Kind.PAGE;
            default -> null;
        };
        if (kind == null) {
            String reason = switch (type) {
                case "attachment" -> "attachment (a media file): files are not copied; posts keep linking to its address";
                case "nav_menu_item" -> "menu item: the navigation here is built from pages";
                case "revision" -> "revision: only the current version is imported";
                default -> "the post type \"" + type + "\" has no counterpart here";
            };
            run.skipped(Kind.OTHER, what, reason);
            return;
        }
        String wpStatus = item.get("wp:status").strip();
        if (wpStatus.equals("trash") || wpStatus.equals("auto-draft") || wpStatus.equals("inherit")) {
            run.skipped(kind, what, switch (wpStatus) {
                case "trash" -> "in WordPress's trash";
                case "auto-draft" -> "an automatic draft WordPress made, never saved by its author";
                default -> "a revision";
            });
            for (int i = 0; i < item.comments().size(); i++) {
                run.skipped(Kind.COMMENT, "comment on " + what, "its post was not imported");
            }
            return;
        }
        Post post = wpId > 0 ? WxrLink.localId(source, WxrLink.Kind.POST, wpId).map(id -> Post.<Post> findById(id))
                .orElse(null) : null;
        if (post != null) {
            run.skipped(kind, what, "already imported");
        } else {
            post = createPost(run, source, item, kind, wpId, title, what);
        }
        importComments(run, source, item, post, what);
    }

    private Post createPost(Run run, String source, Item item, Kind kind, long wpId, String title, String what) {
        Post post = new Post();
        post.kind = kind == Kind.PAGE ? PostKind.PAGE : PostKind.POST;
        if (title.isEmpty()) {
            title = "Untitled";
            run.note(what + ": no title; it is called \"Untitled\".");
        } else if (title.length() > PostService.MAX_TITLE) {
            title = clip(title, PostService.MAX_TITLE);
            run.note(what + ": the title was cut to " + PostService.MAX_TITLE + " characters.");
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
            Set<String> shortcodes = WordPressHtml.unknownShortcodes(content);
            if (!shortcodes.isEmpty()) {
                run.note(what + ": shortcodes shown as text (no counterpart here): [" + String.join("], [", shortcodes)
                        + "].");
            }
            if (WordPressHtml.hasBlockComments(content)) {
                run.note(what + ": block-editor comments (<!-- wp:… -->) dropped; the content between them is kept.");
            }
        }
        post.bodyHtml = markdown.renderPost(post.bodyMarkdown, post.bodyFormat);
        post.excerpt = excerpt(item, post.bodyHtml, content);

        Instant date = date(item.get("wp:post_date_gmt"), item.get("wp:post_date"), item.get("pubDate"));
        Instant now = Instant.now();
        String wpStatus = item.get("wp:status").strip();
        boolean locked = !item.get("wp:post_password").isEmpty();
        if (locked) {
            post.status = PostStatus.DRAFT;
            run.note(what + ": password-protected on WordPress; imported as a draft, so that neither it nor its "
                    + "comments are shown to anyone but its author and admins.");
        } else {
            post.status = switch (wpStatus) {
                case "publish", "future" -> date != null && date.isAfter(now) ? PostStatus.SCHEDULED
                        : PostStatus.PUBLISHED;
                case "draft", "pending" -> PostStatus.DRAFT;
                case "private" -> {
                    run.note(what + ": private on WordPress; imported as a draft (seen only by its author and admins).");
                    yield PostStatus.DRAFT;
                }
                default -> {
                    run.note(what + ": unknown status \"" + wpStatus + "\"; imported as a draft.");
                    yield PostStatus.DRAFT;
                }
            };
        }
        post.publishAt = post.status == PostStatus.DRAFT ? null : date == null ? now : date;
        post.createdAt = date == null ? now : date;
        post.updatedAt = now;

        String wpSlug = clip(decode(item.get("wp:post_name").strip()), Slugs.MAX_LENGTH);
        post.slug = freeSlug(run, post.kind, wpSlug, title, what);
        post.author = authorFor(run, item.get("dc:creator"));

        List<ItemTerm> categories = item.terms().stream().filter(t -> "category".equals(t.domain())).toList();
        if (post.kind == PostKind.POST) {
            post.category = categories.isEmpty() ? Category.findBySlug(Category.DEFAULT_SLUG).orElseThrow()
                    : category(run, categories.get(0));
            if (categories.size() > 1) {
                run.note(what + ": in " + categories.size() + " categories on WordPress; a post has one category "
                        + "here, so it is in \"" + post.category.name + "\" (the others: "
                        + String.join(", ", categories.stream().skip(1).map(ItemTerm::name).toList()) + ").");
            }
            for (ItemTerm term : item.terms()) {
                if ("post_tag".equals(term.domain())) {
                    Tag tag = tag(run, term);
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
        SlugRedirect.delete("oldSlug", post.slug);
        if (wpId > 0) {
            WxrLink.record(source, WxrLink.Kind.POST, wpId, post.id, wpSlug.isEmpty() ? null : wpSlug);
        } else {
            run.note(what + ": no WordPress id, so a second import would bring it in again.");
        }
        if (post.kind == PostKind.PAGE) {
            run.pageSaved = new PostSaved(post.id, post.slug, post.kind);
        }
        run.imported(kind);
        return post;
    }

    private static String freeSlug(Run run, PostKind kind, String wpSlug, String title, String what) {
        String base = Slugs.isValid(wpSlug) ? wpSlug : Slugs.of(wpSlug.isEmpty() ? title : wpSlug);
        if (base.isEmpty()) {
            base = kind == PostKind.PAGE ? "page" : "post";
        } else if (base.length() > Slugs.MAX_LENGTH - 8) {
            base = base.substring(0, Slugs.MAX_LENGTH - 8).replaceAll("-+$", "");
        }
        boolean reserved = kind == PostKind.PAGE && PostService.RESERVED.contains(base);
        if (!reserved && !Post.slugTaken(base, null)) {
            // the usual case, answered from the slug index; listing the slugs like "base-%" makes H2 read the
            // whole index, once per post
            return base;
        }
        Set<String> taken = new HashSet<>(Post.slugsLike(base, null));
        if (kind == PostKind.PAGE) {
            taken.addAll(PostService.RESERVED);
        }
        String slug = Slugs.firstFree(base, taken);
        if (!slug.equals(base)) {
            run.note(what + ": the slug \"" + base + "\" is taken here, so it is at \"" + slug
                    + "\" (its old WordPress addresses still lead to it).");
        }
        return slug;
    }

    private static Category category(Run run, ItemTerm term) {
        String slug = termSlug(term.slug(), term.name());
        if (slug.isEmpty()) {
            return Category.findBySlug(Category.DEFAULT_SLUG).orElseThrow();
        }
        return Category.findBySlug(slug).orElseGet(() -> {
            Category c = new Category();
            c.slug = slug;
            c.name = clip(cleanTitle(term.name()).isEmpty() ? slug : cleanTitle(term.name()), 120);
            c.persist();
            run.imported(Kind.CATEGORY);
            return c;
        });
    }

    private static Tag tag(Run run, ItemTerm term) {
        String slug = termSlug(term.slug(), term.name());
        if (slug.isEmpty()) {
            return null;
        }
        return Tag.findBySlug(slug).orElseGet(() -> {
            Tag t = new Tag();
            t.slug = slug;
            t.name = clip(cleanTitle(term.name()).isEmpty() ? slug : cleanTitle(term.name()), Tag.MAX_NAME_LENGTH);
            t.persist();
            run.imported(Kind.TAG);
            return t;
        });
    }

    /** The excerpt as plain text: WordPress's own, else the teaser before {@code <!--more-->}, else the start. */
    private static String excerpt(Item item, String renderedHtml, String content) {
        String own = plainText(item.get("excerpt:encoded"));
        if (!own.isEmpty()) {
            return clip(own, PostService.MAX_EXCERPT);
        }
        java.util.regex.Matcher more = WordPressHtml.MORE.matcher(content);
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

    // --- comments ----------------------------------------------------------------------------------------

    /** A comment here as far as threading needs it: its id, depth and path (the chain of ids from its root). */
    record Node(long id, int depth, String path) {

        /** The comment this one replies to, read from the path (null for a thread's first comment). */
        Node parent() {
            int cut = path.lastIndexOf('/');
            if (cut < 0) {
                return null;
            }
            String parentPath = path.substring(0, cut);
            return new Node(Long.parseLong(parentPath.substring(parentPath.lastIndexOf('/') + 1)), depth - 1,
                    parentPath);
        }
    }

    private void importComments(Run run, String source, Item item, Post post, String what) {
        List<Map<String, String>> comments = new ArrayList<>(item.comments());
        // WordPress numbers comments in the order they were written, so a parent comes before its replies
        comments.sort(Comparator.comparingLong(c -> WxrReader.number(c.get("wp:comment_id"))));
        // What this item's comments and their parents became in earlier imports or items, in a few queries
        // rather than one (and a flush of everything pending) per comment; kept up to date as comments come in.
        Set<Long> wanted = new HashSet<>();
        for (Map<String, String> c : comments) {
            wanted.add(WxrReader.number(c.get("wp:comment_id")));
            wanted.add(WxrReader.number(c.get("wp:comment_parent")));
        }
        wanted.removeIf(id -> id <= 0);
        Map<Long, Long> linked = WxrLink.localIds(source, WxrLink.Kind.COMMENT, wanted);
        Map<Long, Node> known = nodes(linked.values());
        Map<Long, Node> byWpId = new HashMap<>();
        List<WxrLink> links = new ArrayList<>();
        long postId = post.id;
        Instant postCreated = post.createdAt;
        int sinceFlush = 0;
        for (Map<String, String> c : comments) {
            long wpId = WxrReader.number(c.get("wp:comment_id"));
            String author = value(c, "wp:comment_author");
            String label = "comment " + wpId + " by " + (author.isEmpty() ? "(no name)" : author) + " on " + what;
            String type = value(c, "wp:comment_type");
            if (type.equals("pingback") || type.equals("trackback")) {
                run.skipped(Kind.COMMENT, label, type + ": pingbacks and trackbacks are not kept here");
                continue;
            }
            if (!type.isEmpty() && !type.equals("comment")) {
                run.skipped(Kind.COMMENT, label, "the comment type \"" + type + "\" has no counterpart here");
                continue;
            }
            if (wpId > 0) {
                Long existing = linked.get(wpId);
                if (existing != null) {
                    Node here = known.get(existing);
                    if (here != null) {
                        byWpId.put(wpId, here);
                    }
                    run.skipped(Kind.COMMENT, label, "already imported");
                    continue;
                }
            }
            String body = c.getOrDefault("wp:comment_content", "");
            String markdownSource = c.get("qp:markdown");
            if ((markdownSource != null ? markdownSource : body).length() > 65535) {
                run.failed(Kind.COMMENT, label, "longer than 65,535 characters");
                continue;
            }
            Comment comment = new Comment();
            comment.post = post;
            long wpParent = WxrReader.number(c.get("wp:comment_parent"));
            Node parent = null;
            if (wpParent > 0) {
                parent = byWpId.get(wpParent);
                if (parent == null) {
                    Long parentId = linked.get(wpParent);
                    parent = parentId == null ? null : known.get(parentId);
                }
                if (parent == null) {
                    run.note(label + ": replies to comment " + wpParent
                            + ", which was not imported; it starts a thread of its own.");
                }
            }
            while (parent != null && parent.depth() >= MAX_STORED_DEPTH) {
                parent = parent.parent();
            }
            comment.parent = parent == null ? null : em.getReference(Comment.class, parent.id());
            comment.depth = parent == null ? 1 : parent.depth() + 1;
            comment.path = "";
            comment.authorName = clip(author.isEmpty() ? "Anonymous" : author, 245);
            String email = value(c, "wp:comment_author_email");
            comment.authorEmail = email.length() <= 100 && email.contains("@") ? email : null;
            String url = value(c, "wp:comment_author_url");
            comment.authorUrl = url.length() <= 200 && (url.startsWith("http://") || url.startsWith("https://")) ? url
                    : null;
            String address = value(c, "wp:comment_author_IP");
            comment.clientAddress = address.isEmpty() ? null : clip(address, 64);
            comment.bodyFormat = markdownSource != null ? BodyFormat.MARKDOWN : BodyFormat.WORDPRESS;
            comment.bodyMarkdown = markdownSource != null ? markdownSource : body;
            comment.bodyHtml = markdown.renderComment(comment.bodyMarkdown, comment.bodyFormat);
            String approved = value(c, "wp:comment_approved");
            comment.status = switch (approved) {
                case "1", "approve", "approved" -> CommentStatus.APPROVED;
                case "spam" -> CommentStatus.SPAM;
                case "trash", "post-trashed" -> CommentStatus.TRASH;
                default -> CommentStatus.PENDING;
            };
            if (comment.status == CommentStatus.PENDING) {
                comment.reasons = "awaiting moderation on WordPress when it was exported";
            }
            Instant created = date(value(c, "wp:comment_date_gmt"), value(c, "wp:comment_date"), "");
            comment.createdAt = created != null ? created : postCreated;
            comment.persist();
            comment.path = (parent == null ? "" : parent.path() + "/") + Comment.segment(comment.id);
            if (wpId > 0) {
                // stored with the item's other links once its comments are in, as one JDBC batch
                links.add(WxrLink.of(source, WxrLink.Kind.COMMENT, wpId, comment.id, null));
                Node node = new Node(comment.id, comment.depth, comment.path);
                byWpId.put(wpId, node);
                linked.put(wpId, comment.id);
                known.put(comment.id, node);
            }
            run.imported(Kind.COMMENT);
            if (++sinceFlush >= FLUSH_COMMENTS) {
                // a post with a great many comments: write what is pending and forget it, so that memory and
                // the cost of each flush stay bounded (the transaction still ends with the batch)
                links.forEach(link -> link.persist());
                links.clear();
                em.flush();
                em.clear();
                post = em.getReference(Post.class, postId);
                sinceFlush = 0;
            }
        }
        links.forEach(link -> link.persist());
    }

    /** Id, depth and path of these comments, those still here. */
    private static Map<Long, Node> nodes(java.util.Collection<Long> ids) {
        Map<Long, Node> nodes = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += WxrLink.LOOKUP_CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + WxrLink.LOOKUP_CHUNK));
            Comment.find("select c.id, c.depth, c.path from Comment c where c.id in ?1", chunk)
                    .project(Object[].class).<Object[]> list().forEach(row -> nodes.put((Long) row[0],
                            new Node((Long) row[0], (Integer) row[1], (String) row[2])));
        }
        return nodes;
    }

    /** Pages whose parent came later in the file than they did: placed under it now that all are in. */
    private void resolveParents(Run run, String source) {
        if (run.deferredParents.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (Map.Entry<Long, Long> entry : run.deferredParents.entrySet()) {
                Post child = Post.findById(entry.getKey());
                Long parentId = WxrLink.localId(source, WxrLink.Kind.POST, entry.getValue()).orElse(null);
                if (child == null) {
                    continue;
                }
                if (parentId == null || parentId.equals(child.id)) {
                    run.report.note("\"" + child.title + "\": its parent (WordPress id " + entry.getValue()
                            + ") is not in the file, so it is at the top level.");
                } else {
                    child.parent = Post.findById(parentId);
                }
            }
            changed.fire(new ContentChanged("WordPress import"));
        });
    }

    // --- text helpers --------------------------------------------------------------------------------------

    private static String value(Map<String, String> fields, String key) {
        String value = fields.get(key);
        return value == null ? "" : value.strip();
    }

    /**
     * A title as plain text: WordPress titles may hold markup and HTML entities ({@code &#8217;}); the
     * markup goes, the entities become the characters they stand for, and templates escape the result.
     */
    static String cleanTitle(String raw) {
        return SPACES.matcher(unescape(TAG.matcher(raw == null ? "" : raw).replaceAll(""))).replaceAll(" ").strip();
    }

    static String plainText(String html) {
        return cleanTitle(html == null ? "" : html.replaceAll("(?i)<br\\s*/?>|</p>", " "));
    }

    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"),
            Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"));

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return ENTITY.matcher(text).replaceAll(m -> {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#")) {
                try {
                    int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                    replacement = Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : m.group();
                } catch (NumberFormatException e) {
                    replacement = m.group();
                }
            } else {
                replacement = ENTITIES.getOrDefault(name, m.group());
            }
            return java.util.regex.Matcher.quoteReplacement(replacement);
        });
    }

    private static String decode(String slug) {
        if (slug == null || slug.indexOf('%') < 0) {
            return slug == null ? "" : slug;
        }
        try {
            return URLDecoder.decode(slug, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /**
     * A WordPress date in UTC: the _gmt field when set (drafts have 0000-00-00 there), else the RSS
     * pubDate (which carries its offset), else the local date read as UTC.
     */
    static Instant date(String gmt, String local, String pubDate) {
        Instant at = wpDate(gmt);
        if (at != null) {
            return at;
        }
        if (pubDate != null && !pubDate.isBlank()) {
            try {
                return ZonedDateTime.parse(pubDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // fall through to the local date
            }
        }
        return wpDate(local);
    }

    private static Instant wpDate(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * One import's state across batches. What a batch adds to the report or remembers is staged and kept
     * only once its transaction commits, so a batch that rolls back leaves no trace in either.
     */
    private static final class Run {
        final ImportReport report;
        final Map<String, Long> authorIds = new LinkedHashMap<>();
        final Map<Long, Long> deferredParents = new LinkedHashMap<>();
        private final List<java.util.function.Consumer<ImportReport>> staged = new ArrayList<>();
        private Map<String, Long> authorsBefore;
        private Map<Long, Long> parentsBefore;
        PostSaved pageSaved;

        Run(ImportReport report) {
            this.report = report;
        }

        void begin() {
            staged.clear();
            authorsBefore = new LinkedHashMap<>(authorIds);
            parentsBefore = new LinkedHashMap<>(deferredParents);
            pageSaved = null;
        }

        void commit() {
            staged.forEach(step -> step.accept(report));
            staged.clear();
        }

        void rollback() {
            staged.clear();
            authorIds.clear();
            authorIds.putAll(authorsBefore);
            deferredParents.clear();
            deferredParents.putAll(parentsBefore);
        }

        void imported(Kind kind) {
            staged.add(r -> r.add(kind));
        }

        void skipped(Kind kind, String what, String reason) {
            staged.add(r -> r.skipped(kind, what, reason));
        }

        void failed(Kind kind, String what, String reason) {
            staged.add(r -> r.failed(kind, what, reason));
        }

        void note(String note) {
            staged.add(r -> r.note(note));
        }
    }
}
