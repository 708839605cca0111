package org.quillpress.wxr;

import static org.quillpress.wxr.WxrText.cleanTitle;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.quillpress.post.PostSaved;
import org.quillpress.site.SiteSetting;
import org.quillpress.web.ContentChanged;
import org.quillpress.wxr.ImportReport.Kind;
import org.quillpress.wxr.WxrReader.Item;
import org.quillpress.wxr.WxrReader.MalformedFile;
import org.quillpress.wxr.WxrReader.Unit;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Brings a WordPress export in: authors, categories with their hierarchy, tags, posts and pages with
 * their comments. One transaction per batch of items, so a post is never stored without its comments and
 * a broken file leaves only whole batches behind. Everything imported is remembered by its WordPress id
 * ({@link WxrLink}), so importing the same file again changes nothing. This class reads, batches and
 * reports; {@link ImportedAuthors}, {@link ImportedTerms}, {@link ImportedPosts} and {@link ImportedComments}
 * store what each kind of item becomes.
 */
@ApplicationScoped
public class WxrImporter {

    /** The site setting holding the site's time zone (a ZoneId), which the site's pages show dates in. */
    static final String TIME_ZONE_SETTING = "site.time-zone";

    /** Items per transaction; a batch also ends once it holds this many comments. */
    static final int BATCH_ITEMS = 200;
    static final int BATCH_COMMENTS = 5000;

    /** Comments of one post written to the database (and forgotten by the session) at a time. */
    static final int FLUSH_COMMENTS = 1000;

    /** Each thread level adds 13 characters to a comment's path (400 at most). */
    static final int MAX_STORED_DEPTH = 30;

    @Inject
    ImportedAuthors authors;

    @Inject
    ImportedTerms terms;

    @Inject
    ImportedPosts posts;

    @Inject
    EntityManager em;

    @Inject
    Event<ContentChanged> changed;

    @Inject
    Event<PostSaved> saved;

    /** Imports the export read from {@code in} as coming from the blog the file names, filling {@code report}. */
    public ImportReport run(InputStream in, ImportReport report) {
        return run(in, report, null);
    }

    /**
     * Imports the export read from {@code in}, filling {@code report} as it goes. {@code sourceName}, when not
     * blank, is the name the admin gave the blog it came from; otherwise the file's own address for the blog.
     * Everything is remembered under that source, so blogs with the same address never meet.
     */
    public ImportReport run(InputStream in, ImportReport report, String sourceName) {
        ImportRun run = new ImportRun(report);
        List<Unit> batch = new ArrayList<>();
        int comments = 0;
        String lastCommitted = null;
        try (WxrReader reader = new WxrReader(in)) {
            for (Unit unit = reader.next(); unit != null; unit = reader.next()) {
                batch.add(unit);
                comments += unit instanceof Item item ? item.comments().size() : 0;
                if (batch.size() >= BATCH_ITEMS || comments >= BATCH_COMMENTS) {
                    commit(run, source(reader, sourceName, report), batch);
                    lastCommitted = describe(batch.get(batch.size() - 1));
                    batch.clear();
                    comments = 0;
                }
            }
            commit(run, source(reader, sourceName, report), batch);
            resolveParents(run, source(reader, sourceName, report));
            renderGalleries(run);
            adoptTimeZone(run, reader);
            report.finish();
        } catch (MalformedFile e) {
            String kept = lastCommitted == null ? ImportRun.words().keptNothing()
                    : ImportRun.words().keptBatches(report.batches(), BATCH_ITEMS, lastCommitted);
            report.fail(ImportRun.words().failMalformed(e.line, e.getMessage(), kept));
        } catch (RuntimeException e) {
            Log.error("WordPress import failed", e);
            report.fail(ImportRun.words().failUnexpected(String.valueOf(e.getMessage()), report.batches()));
        }
        return report;
    }

    /** The source everything of this import is filed under (at most 190 characters, room for "#repeat-N"). */
    private static String source(WxrReader reader, String sourceName, ImportReport report) {
        String named = sourceName == null ? "" : sourceName.strip();
        String source = (named.isEmpty() ? reader.source() : named).replaceFirst("/+$", "");
        source = source.isEmpty() ? "wordpress" : source.length() > 190 ? source.substring(0, 190) : source;
        report.source(source);
        return source;
    }

    private static String describe(Unit unit) {
        if (unit instanceof Item item) {
            return ImportRun.words().itemAtLine(cleanTitle(item.get("title")), item.line());
        }
        return ImportRun.words().line(unit.line());
    }

    /**
     * Stores a batch in one transaction. Should the database refuse something in it, the batch is stored
     * again item by item, so that only the items it refuses fail (each reported with the reason).
     */
    private void commit(ImportRun run, String source, List<Unit> batch) {
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
        refreshStatistics(run.report.batches());
    }

    /**
     * Has the database read its tables' statistics again after batches 1, 2, 4, 8, …, as they grow from a few rows
     * to a million. PostgreSQL otherwise planned the link lookups from the statistics of the nearly empty tables
     * until its autovacuum caught up, reading every link of the blog for each (64 ms a lookup at 150,000 links:
     * a million comments would have taken an hour); H2 does the same by itself after enough changes.
     */
    private void refreshStatistics(int batches) {
        if (Integer.bitCount(batches) == 1) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze").executeUpdate());
        }
    }

    /** Tells the page cache and the navigation that content changed (they act after the commit). */
    private void announce(ImportRun run) {
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

    private void apply(ImportRun run, String source, Unit unit) {
        if (unit instanceof WxrReader.Author author) {
            authors.importAuthor(run, author);
        } else if (unit instanceof WxrReader.Term term) {
            terms.importTerm(run, term);
        } else {
            Item item = (Item) unit;
            run.timeZone.sample(item.get("wp:post_date"), item.get("wp:post_date_gmt"));
            for (Map<String, String> comment : item.comments()) {
                run.timeZone.sample(comment.get("wp:comment_date"), comment.get("wp:comment_date_gmt"));
            }
            if ("attachment".equals(item.get("wp:post_type").strip())) {
                long wpId = WxrReader.number(item.get("wp:post_id"));
                String url = item.get("wp:attachment_url").strip();
                if (wpId > 0 && !url.isEmpty()) {
                    WxrAttachment.remember(source, wpId, Math.max(0, WxrReader.number(item.get("wp:post_parent"))),
                            url, cleanTitle(item.get("title")), imageAlt(item),
                            WxrText.plainText(item.get("excerpt:encoded")));
                }
            }
            posts.importItem(run, source, item);
        }
    }

    /** An image's description: WordPress keeps it in the attachment's meta field _wp_attachment_image_alt. */
    private static String imageAlt(Item item) {
        String alt = item.fields().get("meta:_wp_attachment_image_alt");
        return alt == null ? cleanTitle(item.get("title")) : alt.strip();
    }

    /**
     * The blog's time zone becomes the site's, so that posts show the days they showed on WordPress; a zone the
     * site already has (set by an admin) is kept, and the report says so.
     */
    private void adoptTimeZone(ImportRun run, WxrReader reader) {
        Optional<ZoneId> found = run.timeZone.zone(reader.timeZone(), reader.language());
        if (found.isEmpty()) {
            return;
        }
        String zone = found.get().getId();
        String how = ImportRun.words().timeZoneHow(zone.equals(reader.timeZone().strip()), run.timeZone.sampleCount());
        run.report.timeZone(zone);
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<String> current = SiteSetting.get(TIME_ZONE_SETTING);
            if (current.isEmpty() || current.get().equals(zone)) {
                SiteSetting.put(TIME_ZONE_SETTING, zone);
                run.report.note(ImportRun.words().noteTimeZoneAdopted(zone, how));
                changed.fire(new ContentChanged("WordPress import: time zone"));
            } else {
                run.report.note(ImportRun.words().noteTimeZoneKept(zone, how, current.get()));
            }
        });
    }

    /** Galleries whose images came later in the file than their post: rendered now that all are in. */
    private void renderGalleries(ImportRun run) {
        if (run.deferredGalleries.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            posts.renderGalleries(run);
            changed.fire(new ContentChanged("WordPress import"));
        });
    }

    /** Pages whose parent came later in the file than they did: placed under it now that all are in. */
    private void resolveParents(ImportRun run, String source) {
        if (run.deferredParents.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            posts.resolveParents(run, source);
            changed.fire(new ContentChanged("WordPress import"));
        });
    }
}
