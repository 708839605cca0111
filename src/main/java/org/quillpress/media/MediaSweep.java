package org.quillpress.media;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.hibernate.Timeouts;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Gives images stored without WebP files (before WebP renditions were written) their WebP files, a few each
 * turn (an image whose files cannot be read is given up once), reads the sizes of images stored before sizes were
 * kept, and removes files no image row names: what a process killed between writing an upload's files and its row left
 * behind, or a delete that could not reach the store. Only files older than {@link #ORPHAN_AGE} go, so an
 * upload still on its way to its row keeps its files. Uploads write the files first and the row last, so the
 * other half-state, a row without its files, does not arise.
 * <p>
 * Any number of instances run the timer; the one that claims the {@code media_sweep} row (locked, skipping
 * a row another instance holds) and finds its turn due sweeps, the others do nothing.
 */
@ApplicationScoped
public class MediaSweep {

    /** Older than this, a file without a row is left over; a live upload writes its row within seconds. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    /** Rows asked for at once. */
    private static final int BATCH = 500;

    /** Images given their WebP files in one turn: each is a few seconds of encoding. */
    static final int WEBP_PER_TURN = 50;

    @Inject
    MediaStore store;

    @Inject
    MediaConfig config;

    @Inject
    java.time.Clock clock;

    @Inject
    MediaService media;

    @Scheduled(every = "${quillpress.media.sweep-every:1h}", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Instant now = clock.instant();
        if (claimTurn(now)) {
            int removed = sweep(now.minus(ORPHAN_AGE));
            if (removed > 0) {
                Log.infof("The media sweep removed %d files no image uses", removed);
            }
            int sized = media.addMissingSizes(BATCH);
            if (sized > 0) {
                Log.infof("The media sweep read the file sizes of %d images stored without them", sized);
            }
            int webp = media.addMissingWebp(WEBP_PER_TURN);
            if (webp > 0) {
                Log.infof("The media sweep wrote the WebP files of %d images stored without them", webp);
            }
        }
    }

    /**
     * True when this instance's turn has come: no other instance holds the turn row, and the last sweep was
     * more than half a period ago (instances' timers drift apart; half a period keeps them from sweeping twice).
     */
    boolean claimTurn(Instant now) {
        Duration every = config.sweepEvery();
        return QuarkusTransaction.requiringNew().call(() -> {
            MediaSweepTurn turn = MediaSweepTurn.<MediaSweepTurn> find("id", 1).withLock(LockModeType.PESSIMISTIC_WRITE)
                    .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI).firstResult();
            if (turn == null || turn.lastRun.isAfter(now.minus(every.dividedBy(2)))) {
                return false;
            }
            turn.lastRun = now;
            return true;
        });
    }

    /** Removes the files written before {@code cutoff} that no image row names; answers how many went. */
    int sweep(Instant cutoff) {
        Map<String, List<String>> byHash = new HashMap<>();
        List<String> leftovers = new ArrayList<>();
        store.forEachFile(file -> {
            if (!file.modified().isBefore(cutoff)) {
                return;
            }
            MediaFiles.parse(file.name()).ifPresentOrElse(
                    name -> byHash.computeIfAbsent(name.hash(), h -> new ArrayList<>()).add(file.name()),
                    () -> {
                        if (FileSystemMediaStore.temporary(file.name())) {
                            leftovers.add(file.name());
                        }
                    });
        });
        List<String> hashes = new ArrayList<>(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += BATCH) {
            Set<String> named = namedFiles(hashes.subList(from, Math.min(hashes.size(), from + BATCH)));
            for (String hash : hashes.subList(from, Math.min(hashes.size(), from + BATCH))) {
                byHash.get(hash).stream().filter(name -> !named.contains(name)).forEach(leftovers::add);
            }
        }
        int removed = 0;
        for (String name : leftovers) {
            try {
                store.delete(name);
                removed++;
            } catch (RuntimeException e) {
                Log.warnf(e, "The media sweep could not remove %s", name);
            }
        }
        return removed;
    }

    /** The files the rows with these hashes name. */
    private static Set<String> namedFiles(List<String> hashes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> names = new HashSet<>();
            Media.<Media> list("hash in ?1", hashes).forEach(media -> names.addAll(media.fileNames()));
            return names;
        });
    }
}
