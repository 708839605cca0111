package org.quillpress.wxr;

import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.quillpress.post.PostSaved;
import org.quillpress.web.SiteLanguage;
import org.quillpress.wxr.ImportReport.Kind;

/**
 * One import's state across batches. What a batch adds to the report or remembers is staged and kept
 * only once its transaction commits, so a batch that rolls back leaves no trace in either.
 */
final class ImportRun {
    final ImportReport report;
    final Map<String, Long> authorIds = new LinkedHashMap<>();
    /** Whether the file lists its authors (WXR 1.1 and later do), and their logins. */
    boolean authorsListed;
    final java.util.Set<String> listedLogins = new java.util.HashSet<>();
    /**
     * The ids of the tags and categories this import met, by slug: looked up or made once per run, not once per
     * post, since the session forgets its entities after every item. Forgotten when a batch rolls back (a term it
     * made is gone), and then looked up again.
     */
    final Map<String, Long> tagIds = new HashMap<>();
    final Map<String, Long> categoryIds = new HashMap<>();
    final Map<Long, Long> deferredParents = new LinkedHashMap<>();
    /** The blog's time zone, judged from the dates the file writes twice (in the blog's time and in UTC). */
    final BlogTimeZone timeZone = new BlogTimeZone();
    /** Posts (by id here) whose galleries show images met later in the file: rendered again at the end. */
    final Map<Long, DeferredGallery> deferredGalleries = new LinkedHashMap<>();
    /** The items met so far in the file, by WordPress id: what each was (see ImportedPosts.fingerprint). */
    private final Map<Long, List<String>> items = new HashMap<>();
    private final Map<Long, List<String>> itemsInBatch = new HashMap<>();
    private final List<Consumer<ImportReport>> staged = new ArrayList<>();
    private Map<String, Long> authorsBefore;
    private Map<Long, Long> parentsBefore;
    private Map<Long, DeferredGallery> galleriesBefore;
    PostSaved pageSaved;
    /**
     * Comment ids drawn ahead from the table's sequence (PostgreSQL) and not used yet. Kept when a batch rolls
     * back: a sequence never hands out a number twice, so they are still nobody else's.
     */
    final ArrayDeque<Long> commentIds = new ArrayDeque<>();

    ImportRun(ImportReport report) {
        this.report = report;
    }

    /** The report's words, in the site's language while the import runs. */
    static ImportMessages words() {
        return SiteLanguage.messages(ImportMessages.class);
    }

    void begin() {
        staged.clear();
        itemsInBatch.clear();
        authorsBefore = new LinkedHashMap<>(authorIds);
        parentsBefore = new LinkedHashMap<>(deferredParents);
        galleriesBefore = new LinkedHashMap<>(deferredGalleries);
        pageSaved = null;
    }

    void commit() {
        staged.forEach(step -> step.accept(report));
        staged.clear();
        itemsInBatch.forEach((id, list) -> items.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
        itemsInBatch.clear();
    }

    void rollback() {
        staged.clear();
        itemsInBatch.clear();
        authorIds.clear();
        authorIds.putAll(authorsBefore);
        tagIds.clear();
        categoryIds.clear();
        deferredParents.clear();
        deferredParents.putAll(parentsBefore);
        deferredGalleries.clear();
        deferredGalleries.putAll(galleriesBefore);
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

    /**
     * Where the item with WordPress id {@code wpId} is filed: under {@code source} for the first item of the file
     * with that id; under "source#repeat-N" for the Nth different item repeating it (so a second import of the
     * file finds each again); null when the file repeats the very same item.
     */
    String fileAs(String source, long wpId, String fingerprint) {
        List<String> before = new ArrayList<>(items.getOrDefault(wpId, List.of()));
        before.addAll(itemsInBatch.getOrDefault(wpId, List.of()));
        if (before.contains(fingerprint)) {
            return null;
        }
        itemsInBatch.computeIfAbsent(wpId, k -> new ArrayList<>()).add(fingerprint);
        return before.isEmpty() ? source : source + "#repeat-" + (before.size() + 1);
    }

    /** The offset most of the blog's dates had so far: for dates the file gives in the blog's time only. */
    ZoneOffset blogOffset() {
        return timeZone.usualOffset().orElse(ZoneOffset.UTC);
    }

    /** Names, for the report, what of {@code what} could not be rendered. */
    void notRendered(Collection<String> names, String what) {
        for (String name : names) {
            staged.add(r -> r.notRendered(name, what));
        }
    }

    /** A gallery's post, to be rendered again once the whole file (and so every image in it) has been read. */
    record DeferredGallery(String source, long wpId, String what) {
    }
}
