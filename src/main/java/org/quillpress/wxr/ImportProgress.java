package org.quillpress.wxr;

import java.time.Duration;
import java.util.Locale;

/**
 * A line of progress for a long import on the command line: how many items so far, how much of the file,
 * how fast, and about how long is left (judged from the share of the file read so far).
 */
final class ImportProgress {

    private ImportProgress() {
    }

    /** The line after batch {@code batch}, having met {@code items} items and read {@code read} of {@code size} bytes. */
    static String line(int batch, long items, long read, long size, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        String share = size > 0 ? String.format(Locale.ROOT, " (%.1f %%)", Math.min(100.0, read * 100.0 / size)) : "";
        String left;
        if (read <= 0 || size <= 0) {
            left = "time left unknown";
        } else {
            long remaining = Math.round(seconds * Math.max(0, size - read) / read);
            left = "about " + duration(remaining) + " left";
        }
        return String.format(Locale.ROOT, "Batch %d: %,d items; read %s of %s%s; %,.0f items/s; %s", batch, items,
                megabytes(read), megabytes(size), share, items / seconds, left);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** "45 s", "3 min 10 s", "1 h 2 min". */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
