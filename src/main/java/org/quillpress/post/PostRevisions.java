package org.quillpress.post;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.StaffText;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * The revisions of a post: the list, a line diff between any two, restoring one (a new save, kept as a new
 * revision) and the editor's autosaved copy. Only those who may edit the post see any of it.
 */
@ApplicationScoped
public class PostRevisions {

    @Inject
    PostService posts;

    @Inject
    StaffText staff;

    @Inject
    Clock clock;

    /** A revision as the list and the API show it, body included. */
    public record Revision(long id, String kind, Instant createdAt, String editorName, String editorHandle, String title,
            String body, String excerpt, String status, Long restoredFrom) {
        static Revision of(PostRevision r) {
            return new Revision(r.id, r.kind.name(), r.createdAt, r.editor == null ? null : r.editor.displayName,
                    r.editor == null ? null : r.editor.handle, r.title, r.bodyMarkdown, r.excerpt, r.status.name(),
                    r.restoredFrom);
        }
    }

    /** The post the revisions belong to, with the version a restore must name. */
    public record History(String slug, String title, String path, int version, boolean trashed,
            List<Revision> revisions) {
    }

    /** One line of a diff: kept, removed (only in the older text) or added (only in the newer). */
    public record DiffLine(char change, String text) {
        public boolean added() {
            return change == '+';
        }

        public boolean removed() {
            return change == '-';
        }
    }

    /** What changed from revision {@code from} to revision {@code to}, line by line. */
    public record Diff(Revision from, Revision to, List<DiffLine> title, List<DiffLine> body, List<DiffLine> excerpt) {
        public boolean same() {
            return title.stream().noneMatch(l -> l.change() != ' ') && body.stream().noneMatch(l -> l.change() != ' ')
                    && excerpt.stream().noneMatch(l -> l.change() != ' ');
        }
    }

    /** The saved revisions of a post, newest first. */
    @Transactional
    public History history(String slug, AccountPrincipal viewer) {
        Post post = editable(slug, viewer);
        return new History(post.slug, post.title, post.path(), post.version, post.isTrashed(),
                PostRevision.listSaved(post).stream().map(Revision::of).toList());
    }

    /** The diff between two saved revisions of a post (either order; the older is shown first). */
    @Transactional
    public Diff diff(String slug, long fromId, long toId, AccountPrincipal viewer) {
        Post post = editable(slug, viewer);
        PostRevision a = PostRevision.findSaved(post, fromId)
                .orElseThrow(() -> new InvalidInputException(404, Map.of("from", staff.messages().revErrNoSuchRevision())));
        PostRevision b = PostRevision.findSaved(post, toId)
                .orElseThrow(() -> new InvalidInputException(404, Map.of("to", staff.messages().revErrNoSuchRevision())));
        if (a.id > b.id) {
            PostRevision swap = a;
            a = b;
            b = swap;
        }
        return new Diff(Revision.of(a), Revision.of(b), lines(a.title, b.title), lines(a.bodyMarkdown, b.bodyMarkdown),
                lines(a.excerpt, b.excerpt));
    }

    /**
     * Saves the post again with the title, body and excerpt of one of its revisions. {@code version} is the
     * post's version the person saw: a newer save since then, or a post in the trash, is a conflict (409).
     */
    @Transactional
    public Post restore(String slug, long revisionId, Integer version, AccountPrincipal editor) {
        Post post = editable(slug, editor);
        if (version == null) {
            throw new InvalidInputException(Map.of("version", staff.messages().revErrNoVersion()));
        }
        if (post.isTrashed()) {
            throw new InvalidInputException(409, Map.of("status", staff.messages().revErrTrashed()));
        }
        PostRevision revision = PostRevision.findSaved(post, revisionId)
                .orElseThrow(() -> new InvalidInputException(404, Map.of("revision", staff.messages().revErrNoSuchRevision())));
        // everything else stays as the post has it now: a revision holds only the text
        PostInput now = PostService.inputOf(post, post.status, post.publishAt, null);
        PostInput input = new PostInput(revision.title, revision.bodyMarkdown, revision.excerpt, now.tags(),
                now.category(), now.slug(), now.status(), now.publishAt(), now.commentsOpen(), version, now.kind(),
                now.parent(), now.menuOrder());
        return posts.update(slug, input, editor, RevisionKind.RESTORE, revision.id);
    }

    /** Keeps the editor's unsaved copy of a post, replacing the one before; the post itself is not changed. */
    @Transactional
    public Revision autosave(String slug, String title, String body, String excerpt, AccountPrincipal editor) {
        Post post = editable(slug, editor);
        if (post.isTrashed()) {
            throw new InvalidInputException(409,
                    Map.of("status", SiteLanguage.messages(CheckMessages.class).autosaveTrashed()));
        }
        String cleanTitle = title == null ? "" : title.strip();
        String cleanBody = body == null ? "" : body.replace("\r\n", "\n");
        String cleanExcerpt = excerpt == null ? "" : excerpt.strip();
        if (cleanTitle.length() > PostService.MAX_TITLE || cleanExcerpt.length() > PostService.MAX_EXCERPT
                || cleanBody.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PostService.MAX_BODY_BYTES
                || (cleanTitle + cleanBody + cleanExcerpt).indexOf('\0') >= 0) {
            throw new InvalidInputException(
                    Map.of("body", SiteLanguage.messages(CheckMessages.class).autosaveTooLarge()));
        }
        PostRevision copy = PostRevision.findAutosave(post, editor.id()).orElseGet(() -> {
            PostRevision fresh = new PostRevision();
            fresh.post = post;
            fresh.editor = Account.findById(editor.id());
            fresh.kind = RevisionKind.AUTOSAVE;
            return fresh;
        });
        copy.title = cleanTitle;
        copy.bodyMarkdown = cleanBody;
        copy.excerpt = cleanExcerpt;
        copy.status = post.status;
        copy.createdAt = clock.instant();
        copy.persist();
        return Revision.of(copy);
    }

    /** The editor's autosaved copy when it is newer than the post's last save, to offer it back in the editor. */
    @Transactional
    public Optional<Revision> pendingAutosave(String slug, AccountPrincipal editor) {
        Post post = editable(slug, editor);
        return PostRevision.findAutosave(post, editor.id()).filter(r -> r.createdAt.isAfter(post.updatedAt))
                .map(Revision::of);
    }

    private static Post editable(String slug, AccountPrincipal editor) {
        Post post = Post.findBySlug(slug).orElseThrow(NotFoundException::new);
        PostService.requireEditable(post, editor);
        return post;
    }

    static List<DiffLine> lines(String older, String newer) {
        List<String> a = split(older);
        List<String> b = split(newer);
        List<DiffLine> result = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b, true).getDeltas()) {
            switch (delta.getType()) {
                case EQUAL -> delta.getSource().getLines().forEach(l -> result.add(new DiffLine(' ', l)));
                case DELETE -> delta.getSource().getLines().forEach(l -> result.add(new DiffLine('-', l)));
                case INSERT -> delta.getTarget().getLines().forEach(l -> result.add(new DiffLine('+', l)));
                case CHANGE -> {
                    delta.getSource().getLines().forEach(l -> result.add(new DiffLine('-', l)));
                    delta.getTarget().getLines().forEach(l -> result.add(new DiffLine('+', l)));
                }
            }
        }
        return result;
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }
}
