package org.quillpress.wxr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quillpress.web.AdminMessages;
import org.quillpress.web.SiteLanguage;

/**
 * What an import did: counts per kind of thing, every skipped or failed item with its reason (the first
 * {@value #MAX_LINES} listed one by one, all of them counted by reason), notes on what was changed on the
 * way in, and how a broken file ended it. Written by the import, read by the progress page meanwhile.
 */
public final class ImportReport {

    static final int MAX_LINES = 500;

    /** The kinds of things a WordPress export holds. */
    public enum Kind {
        AUTHOR("Authors"),
        CATEGORY("Categories"),
        TAG("Tags"),
        POST("Posts"),
        PAGE("Pages"),
        COMMENT("Comments"),
        OTHER("Other items");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Something WordPress showed that is not rendered here, and the posts it is in (the first ones listed). */
    public record NotRendered(String what, int posts, List<String> examples) {
    }

    /** Posts listed under each thing not rendered; the rest are counted. */
    static final int MAX_EXAMPLES = 20;

    /** One row of the counts table. */
    public record Counts(String kind, int imported, int skipped, int failed) {
    }

    private final Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
    private final Map<String, Integer> skippedByReason = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<String>> notRendered = new LinkedHashMap<>();
    private final Map<String, Integer> notRenderedCounts = new LinkedHashMap<>();
    private int moreSkipped;
    private int moreNotes;
    private int batches;
    private String error;
    private String source;
    private String timeZone;
    private volatile boolean finished;
    private Runnable afterBatch = () -> {
    };

    synchronized void add(Kind kind) {
        counts.computeIfAbsent(kind, k -> new int[3])[0]++;
    }

    synchronized void skipped(Kind kind, String what, String reason) {
        counts.computeIfAbsent(kind, k -> new int[3])[1]++;
        skippedByReason.merge(kindName(kind) + ": " + reason, 1, Integer::sum);
        if (skipped.size() < MAX_LINES) {
            skipped.add(what + ": " + reason);
        } else {
            moreSkipped++;
        }
    }

    /** A kind as the site's language names it ("Posts", "Beiträge"). */
    private static String kindName(Kind kind) {
        return SiteLanguage.messages(AdminMessages.class).wxrKind(kind.label);
    }

    synchronized void failed(Kind kind, String what, String reason) {
        counts.computeIfAbsent(kind, k -> new int[3])[2]++;
        note(ImportRun.words().failedItem(what, reason));
    }

    synchronized void note(String note) {
        if (notes.size() < MAX_LINES) {
            notes.add(note);
        } else {
            moreNotes++;
        }
    }

    synchronized void notRendered(String what, String post) {
        notRenderedCounts.merge(what, 1, Integer::sum);
        List<String> posts = notRendered.computeIfAbsent(what, k -> new ArrayList<>());
        if (posts.size() < MAX_EXAMPLES) {
            posts.add(post);
        }
    }

    synchronized void source(String source) {
        this.source = source;
    }

    /** The source the import was filed under (the blog's address or the name the admin gave), once known. */
    public synchronized String source() {
        return source;
    }

    synchronized void timeZone(String zone) {
        this.timeZone = zone;
    }

    /** The blog's time zone as the import found it, or null when the file did not tell. */
    public synchronized String timeZone() {
        return timeZone;
    }

    void batchCommitted() {
        synchronized (this) {
            batches++;
        }
        // outside the lock: the listener saves the report (a database write) and reads it meanwhile
        afterBatch.run();
    }

    /** Runs {@code listener} after each batch is stored (and counted), on the importing thread. */
    void afterEachBatch(Runnable listener) {
        this.afterBatch = listener;
    }

    synchronized void fail(String message) {
        error = message;
        finished = true;
    }

    synchronized void finish() {
        finished = true;
    }

    public synchronized List<Counts> counts() {
        List<Counts> rows = new ArrayList<>();
        counts.forEach((kind, c) -> rows.add(new Counts(kind.label, c[0], c[1], c[2])));
        return rows;
    }

    public synchronized int importedCount(Kind kind) {
        return counts.getOrDefault(kind, new int[3])[0];
    }

    public synchronized int skippedCount(Kind kind) {
        return counts.getOrDefault(kind, new int[3])[1];
    }

    public synchronized int failedCount(Kind kind) {
        return counts.getOrDefault(kind, new int[3])[2];
    }

    /** Each skipped item with its reason, the first {@value #MAX_LINES}; then how many more. */
    public synchronized List<String> skippedItems() {
        List<String> lines = new ArrayList<>(skipped);
        if (moreSkipped > 0) {
            lines.add(ImportRun.words().moreSkipped(moreSkipped));
        }
        return lines;
    }

    /** How many items were skipped for each reason. */
    public synchronized Map<String, Integer> skippedByReason() {
        return new LinkedHashMap<>(skippedByReason);
    }

    public synchronized List<String> notes() {
        List<String> lines = new ArrayList<>(notes);
        if (moreNotes > 0) {
            lines.add(ImportRun.words().moreNotes(moreNotes));
        }
        return lines;
    }

    /** Shortcodes, blocks and media shown differently than on WordPress (or as text), with their posts. */
    public synchronized List<NotRendered> notRendered() {
        List<NotRendered> rows = new ArrayList<>();
        notRendered.forEach((what, posts) -> rows.add(new NotRendered(what, notRenderedCounts.get(what), List.copyOf(posts))));
        return rows;
    }

    public synchronized int batches() {
        return batches;
    }

    /** Why the import stopped early (a malformed file), or null when it read the whole file. */
    public synchronized String error() {
        return error;
    }

    public synchronized boolean finished() {
        return finished;
    }

    /** Everything a report holds, as kept with its job in the database (as JSON). */
    record Saved(Map<Kind, int[]> counts, Map<String, Integer> skippedByReason, List<String> skipped,
            List<String> notes, Map<String, List<String>> notRendered, Map<String, Integer> notRenderedCounts,
            int moreSkipped, int moreNotes, int batches, String error, String source, String timeZone,
            boolean finished) {
    }

    synchronized Saved saved() {
        Map<Kind, int[]> countsCopy = new EnumMap<>(Kind.class);
        counts.forEach((kind, c) -> countsCopy.put(kind, c.clone()));
        Map<String, List<String>> notRenderedCopy = new LinkedHashMap<>();
        notRendered.forEach((what, posts) -> notRenderedCopy.put(what, List.copyOf(posts)));
        return new Saved(countsCopy, new LinkedHashMap<>(skippedByReason), List.copyOf(skipped), List.copyOf(notes),
                notRenderedCopy, new LinkedHashMap<>(notRenderedCounts), moreSkipped, moreNotes, batches, error,
                source, timeZone, finished);
    }

    /** The report as it was saved (by this instance or another). */
    static ImportReport of(Saved saved) {
        ImportReport report = new ImportReport();
        saved.counts().forEach((kind, c) -> report.counts.put(kind, c.clone()));
        report.skippedByReason.putAll(saved.skippedByReason());
        report.skipped.addAll(saved.skipped());
        report.notes.addAll(saved.notes());
        saved.notRendered().forEach((what, posts) -> report.notRendered.put(what, new ArrayList<>(posts)));
        report.notRenderedCounts.putAll(saved.notRenderedCounts());
        report.moreSkipped = saved.moreSkipped();
        report.moreNotes = saved.moreNotes();
        report.batches = saved.batches();
        report.error = saved.error();
        report.source = saved.source();
        report.timeZone = saved.timeZone();
        report.finished = saved.finished();
        return report;
    }

    /** The number of items met so far (imported, skipped or failed), for progress lines. */
    public synchronized long itemCount() {
        long total = 0;
        for (int[] c : counts.values()) {
            total += c[0] + c[1] + c[2];
        }
        return total;
    }

    /** The report as plain text, for the command line and the log. */
    public synchronized String toText() {
        ImportMessages words = ImportRun.words();
        StringBuilder out = new StringBuilder();
        if (source != null) {
            out.append(words.textSource(source)).append("\n");
        }
        if (timeZone != null) {
            out.append(words.textTimeZone(timeZone)).append("\n");
        }
        out.append("\n");
        out.append(String.format("%-14s %9s %9s %9s%n", "", words.textImported(), words.textSkipped(),
                words.textFailed()));
        counts.forEach((kind, c) -> out.append(String.format("%-14s %9d %9d %9d%n", kindName(kind), c[0], c[1], c[2])));
        if (!skippedByReason.isEmpty()) {
            out.append("\n").append(words.textByReason()).append("\n");
            skippedByReason.forEach((reason, n) -> out.append("  ").append(n).append(" × ").append(reason).append('\n'));
        }
        if (!skipped.isEmpty()) {
            out.append("\n").append(words.textSkippedItems()).append("\n");
            skippedItems().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        if (!notRendered.isEmpty()) {
            out.append("\n").append(words.textNotRendered()).append("\n");
            for (NotRendered row : notRendered()) {
                out.append("  ").append(words.textInPosts(row.what(), row.posts()))
                        .append(String.join(", ", row.examples())).append(row.posts() > row.examples().size() ? ", …" : "")
                        .append('\n');
            }
        }
        if (!notes.isEmpty()) {
            out.append("\n").append(words.textNotes()).append("\n");
            notes().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        if (error != null) {
            out.append("\n").append(words.textFailedBecause(error)).append('\n');
        }
        return out.toString();
    }
}
