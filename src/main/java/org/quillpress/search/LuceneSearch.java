package org.quillpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.quillpress.comment.CommentPosted;
import org.quillpress.comment.CommentStatus;
import org.quillpress.post.PostSaved;
import org.quillpress.search.PostDocuments.PostText;
import org.quillpress.search.PostDocuments.TagText;
import org.quillpress.web.ContentChanged;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Search on the embedded build: an Apache Lucene index of the public posts, pages and tags, kept beside the H2
 * database ({@code quillpress.search.dir}).
 * <p>
 * The database stays the truth; the index follows it after each commit. A saved, trashed or restored post is
 * indexed again at once (the saving request waits a moment for it, so an author finds what they just
 * published); a comment approved or removed re-indexes its post; a change that may touch many posts at once
 * (a tag renamed or merged, a WordPress import batch, any {@code ContentChanged} that is searchable) rebuilds the
 * whole index once things are quiet for {@code quillpress.search.rebuild-delay}. All writing happens on one
 * thread, in order, so a rebuild and a single update never mix; readers keep the last complete view meanwhile.
 * <p>
 * At start the index is rebuilt if it is missing, built by another version of this code or language, or if the
 * database has changed since it was last known to be complete (see {@link PostDocuments#fingerprint}): a clean
 * stop records that fingerprint, a crash does not, so a crash costs a rebuild and never a stale answer.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql", enableIfMissing = true)
public class LuceneSearch implements SearchEngine {

    /** Raise when what is indexed or how it is analysed changes: an index built otherwise is then rebuilt. */
    private static final String FORMAT = "1";
    private static final String FINGERPRINT = "fingerprint";
    private static final int BATCH = 500;
    /** How long a saving request waits for its post to be indexed before it answers anyway. */
    private static final long WAIT_SECONDS = 10;
    /** Title above tags above body above approved comments. */
    private static final Map<String, Float> WEIGHTS = Map.of("title", 8f, "tags", 4f, "body", 2f, "comments", 1f);
    private static final Sort NEWEST_FIRST = new Sort(new SortField("publishAt", SortField.Type.LONG, true),
            SortField.FIELD_DOC);
    private static final int QUERY_SYNTAX = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.ESCAPE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR;

    @Inject
    SearchConfig config;

    @Inject
    PostDocuments documents;

    private Analyzer analyzer;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private ScheduledExecutorService worker;
    private ScheduledFuture<?> pendingRebuild;
    /**
     * Posts whose re-index for a comment waits on the writer thread. While one waits, further comments on the post
     * ask for nothing more, as it reads them all: many writers on one post cost one re-index at a time, not a queue
     * of one per comment that the writer thread never catches up with.
     */
    private final Set<Long> commentedPosts = ConcurrentHashMap.newKeySet();
    /** Whether the index may lag the database: a rebuild is due or an update failed. Only the worker writes it. */
    private volatile boolean behind;

    void start(@Observes StartupEvent event) throws IOException {
        analyzer = new SearchAnalyzer(config.language());
        directory = openDirectory();
        writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        searchers = new SearcherManager(writer, null);
        worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "search-index");
            thread.setDaemon(true);
            return thread;
        });
        worker.execute(this::rebuildIfOutOfDate);
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker == null) {
            return;
        }
        worker.shutdown();
        try {
            boolean idle = worker.awaitTermination(30, TimeUnit.SECONDS);
            if (idle && !behind && pendingRebuild == null) {
                recordCleanStop();
            }
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException | RuntimeException e) {
            Log.warnf("The search index was not closed cleanly (%s); it is rebuilt at the next start", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void onPostSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostSaved saved) {
        if (worker == null) {
            // saved before this bean started (a start-up task): the start's own check covers it
            return;
        }
        await(worker.submit(() -> reindex(saved.id())));
    }

    void onComment(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentPosted posted) {
        if (worker != null
                && (posted.status() == CommentStatus.APPROVED || posted.previousStatus() == CommentStatus.APPROVED)
                && commentedPosts.add(posted.postId())) {
            worker.execute(() -> {
                // off the list before the post is read: a comment committed from now on asks for a re-index of its own
                commentedPosts.remove(posted.postId());
                reindex(posted.postId());
            });
        }
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged changed) {
        if (changed.searchable()) {
            scheduleRebuild();
        }
    }

    /** Rebuilds the whole index soon, once; a later call before it starts pushes it back. */
    public synchronized void scheduleRebuild() {
        behind = true;
        if (worker == null) {
            return;
        }
        if (pendingRebuild != null) {
            pendingRebuild.cancel(false);
        }
        pendingRebuild = worker.schedule(() -> {
            synchronized (this) {
                pendingRebuild = null;
            }
            rebuild();
        }, config.rebuildDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits (at most {@code timeout}) until the index has taken in every change announced so far, a rebuild still
     * waiting for its quiet period included: for a command that reads the index right after writing a lot, and
     * for tests that count a page's statements, which a rebuild running beside it would add to.
     */
    public boolean awaitCaughtUp(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ScheduledFuture<?> pending;
            synchronized (this) {
                pending = pendingRebuild;
            }
            if (worker == null) {
                return true;
            }
            try {
                if (pending != null) {
                    pending.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                // whatever runs or waits on the one writer thread ends before this empty task starts
                worker.submit(() -> {
                }).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.CancellationException e) {
                // pushed back by a later change: wait for that one
                continue;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return false;
            }
            synchronized (this) {
                if (pendingRebuild == null) {
                    return true;
                }
            }
        }
    }

    @Override
    public Hits search(String text, Instant now, int offset, int limit, int max) {
        Query matching = parse(text, WEIGHTS);
        if (matching instanceof MatchNoDocsQuery) {
            return Hits.NONE;
        }
        Query query = new BooleanQuery.Builder().add(matching, Occur.MUST)
                .add(new TermQuery(new Term("type", "post")), Occur.FILTER)
                .add(LongPoint.newRangeQuery("publishAt", Long.MIN_VALUE, now.toEpochMilli()), Occur.FILTER).build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // The newest max matches, counted up to max + 1: sorted by date, Lucene skips the older matches
                // through the publishAt points instead of scoring and counting all of them (100,000 for a
                // common word on a big site). Only these are ranked, as on PostgreSQL.
                // (no more slots than documents: the collector sets all of them up front)
                int slots = Math.max(1, Math.min(max, searcher.getIndexReader().maxDoc()));
                TopDocs newest = searcher.search(query,
                        new TopFieldCollectorManager(NEWEST_FIRST, slots, null, max + 1, false));
                long total = Math.min(newest.totalHits.value, max + 1L);
                if (offset >= Math.min(total, max)) {
                    return new Hits(List.of(), total);
                }
                TopFieldCollector.populateScores(newest.scoreDocs, searcher, query);
                // best first; among equals, newest first (the sort above kept the date in each FieldDoc)
                ScoreDoc[] ranked = newest.scoreDocs.clone();
                Arrays.sort(ranked, Comparator.comparingDouble((ScoreDoc d) -> -d.score)
                        .thenComparing(d -> -(Long) ((FieldDoc) d).fields[0]).thenComparingInt(d -> d.doc));
                ScoreDoc[] page = Arrays.copyOfRange(ranked, offset, Math.min(ranked.length, offset + limit));
                String[] snippets = highlighter(searcher).highlight("body", query,
                        new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), 2);
                List<Hit> hits = new ArrayList<>(page.length);
                for (int i = 0; i < page.length; i++) {
                    hits.add(new Hit(idOf(searcher, page[i].doc),
                            snippets[i] == null ? Snippet.EMPTY : Snippet.ofMarked(snippets[i])));
                }
                return new Hits(hits, total);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Long> tags(String text, int limit) {
        Query matching = parse(text, Map.of("name", 1f));
        if (matching instanceof MatchNoDocsQuery) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder().add(matching, Occur.MUST)
                .add(new TermQuery(new Term("type", "tag")), Occur.FILTER).build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                    ids.add(idOf(searcher, hit.doc));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String text, Map<String, Float> fields) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, fields, QUERY_SYNTAX);
        parser.setDefaultOperator(Occur.MUST);
        Query query = parser.parse(text);
        return query == null ? new MatchNoDocsQuery() : query;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new MarkedPassages())
                .withMaxLength(PostDocuments.MAX_TEXT).build();
    }

    private static long idOf(IndexSearcher searcher, int doc) throws IOException {
        return searcher.storedFields().document(doc, Set.of("id")).getField("id").numericValue().longValue();
    }

    private Directory openDirectory() throws IOException {
        if ("memory".equals(config.dir())) {
            return new ByteBuffersDirectory();
        }
        Path path = Path.of(config.dir());
        Files.createDirectories(path);
        return FSDirectory.open(path);
    }

    private void rebuildIfOutOfDate() {
        try {
            long started = System.nanoTime();
            String wanted = expectedFingerprint();
            String stored = storedFingerprint();
            long checked = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (!wanted.equals(stored)) {
                Log.infof("The search index is %s (checked in %d ms): rebuilding it",
                        stored == null ? "missing" : "out of date", checked);
                rebuild();
            } else {
                Log.infof("The search index is up to date (checked in %d ms)", checked);
            }
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "Could not check the search index; rebuilding it");
            rebuild();
        }
    }

    /**
     * Records that the index holds everything in the database now, for the next start to check: the same
     * fingerprint that start expects (a bare database fingerprint here made every start after a clean stop
     * rebuild the whole index).
     */
    void recordCleanStop() throws IOException {
        commit(expectedFingerprint());
    }

    /** The fingerprint of the index's last commit: null when there is no index, empty after a single update. */
    String storedFingerprint() throws IOException {
        return DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData().get(FINGERPRINT)
                : null;
    }

    /** What {@link #storedFingerprint} must be for the index to be trusted at start, on this database now. */
    String expectedFingerprint() {
        return FORMAT + "/" + config.language() + "/" + documents.fingerprint();
    }

    private void rebuild() {
        behind = false;
        long started = System.nanoTime();
        try {
            String fingerprint = expectedFingerprint();
            writer.deleteAll();
            int count = 0;
            long after = 0;
            for (PostDocuments.Batch batch = documents.batchAfter(after, BATCH); batch.last() > 0; batch = documents
                    .batchAfter(after, BATCH)) {
                for (PostText post : documents.byIds(batch.ids())) {
                    writer.addDocument(document(post));
                    count++;
                }
                after = batch.last();
            }
            for (TagText tag : documents.tags()) {
                writer.addDocument(document(tag));
            }
            commit(fingerprint);
            searchers.maybeRefreshBlocking();
            Log.infof("Search index rebuilt: %d posts and pages in %d ms", count,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            behind = true;
            Log.errorf(e, "Rebuilding the search index failed; the next start tries again");
        }
    }

    private void reindex(long postId) {
        try {
            List<PostText> found = documents.byIds(List.of(postId));
            if (found.isEmpty()) {
                writer.deleteDocuments(key("post", postId));
            } else {
                PostText post = found.get(0);
                writer.updateDocument(key("post", postId), document(post));
                // a tag met for the first time; renamed and deleted ones wait for the rebuild their change asks for
                for (int i = 0; i < post.tagIds().size(); i++) {
                    TagText tag = new TagText(post.tagIds().get(i), post.tagNames().get(i));
                    writer.updateDocument(key("tag", tag.id()), document(tag));
                }
            }
            // a commit without a fingerprint: until a clean stop records one, the next start checks everything
            commit("");
            searchers.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            behind = true;
            Log.errorf(e, "Could not index post %d; the index is rebuilt at the next start", postId);
        }
    }

    private void commit(String fingerprint) throws IOException {
        writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint).entrySet());
        writer.commit();
    }

    private static Document document(PostText post) {
        Document doc = new Document();
        doc.add(new StringField("key", key("post", post.id()).text(), Field.Store.NO));
        doc.add(new StringField("type", "post", Field.Store.NO));
        doc.add(new StoredField("id", post.id()));
        doc.add(new StringField("kind", post.kind().name(), Field.Store.NO));
        long at = post.publishAt().toEpochMilli();
        doc.add(new LongPoint("publishAt", at));
        doc.add(new NumericDocValuesField("publishAt", at));
        doc.add(new TextField("title", post.title(), Field.Store.NO));
        doc.add(new TextField("tags", String.join(" \n ", post.tagNames()), Field.Store.NO));
        // stored for the highlighter, which cuts the snippets out of it
        doc.add(new TextField("body", post.body(), Field.Store.YES));
        doc.add(new TextField("comments", post.comments(), Field.Store.NO));
        return doc;
    }

    private static Document document(TagText tag) {
        Document doc = new Document();
        doc.add(new StringField("key", key("tag", tag.id()).text(), Field.Store.NO));
        doc.add(new StringField("type", "tag", Field.Store.NO));
        doc.add(new StoredField("id", tag.id()));
        doc.add(new TextField("name", tag.name(), Field.Store.NO));
        return doc;
    }

    private static Term key(String type, long id) {
        return new Term("key", type + ":" + id);
    }

    private static void await(Future<?> task) {
        try {
            task.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            Log.debug("The search index is busy; the change is indexed when it is free");
        } catch (ExecutionException e) {
            Log.errorf(e.getCause(), "Indexing failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
