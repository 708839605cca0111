package org.quillpress.wxr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.quillpress.post.PostSaved;
import org.quillpress.wxr.ImportReport.Kind;

/**
 * One import's state across batches. What a batch adds to the report or remembers is staged and kept
 * only once its transaction commits, so a batch that rolls back leaves no trace in either.
 */
final class ImportRun {
    final ImportReport report;
    final Map<String, Long> authorIds = new LinkedHashMap<>();
    final Map<Long, Long> deferredParents = new LinkedHashMap<>();
    private final List<Consumer<ImportReport>> staged = new ArrayList<>();
    private Map<String, Long> authorsBefore;
    private Map<Long, Long> parentsBefore;
    PostSaved pageSaved;

    ImportRun(ImportReport report) {
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
