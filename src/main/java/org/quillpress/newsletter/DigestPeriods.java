package org.quillpress.newsletter;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When digests go: daily at a fixed local time of the site's zone, weekly at that time on a fixed day. A digest
 * covers the posts announced from the end of the subscriber's last digest up to the latest such moment.
 *
 * @param zone the site's time zone
 * @param at the local time of day digests go
 * @param weeklyOn the day weekly digests go
 */
public record DigestPeriods(ZoneId zone, LocalTime at, DayOfWeek weeklyOn) {

    /**
     * The latest moment a digest of this frequency was due at or before {@code now}; the period it closes ends
     * there. On a day the clocks skip the time, the first moment after the gap counts (as {@link ZonedDateTime}
     * resolves it), on a day they repeat it, the first of the two.
     */
    public Instant latestEnd(Frequency frequency, Instant now) {
        if (!frequency.isDigest()) {
            throw new IllegalArgumentException("Mail for each post has no digest period");
        }
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(at).atZone(zone);
        if (frequency == Frequency.WEEKLY) {
            candidate = local.toLocalDate().with(TemporalAdjusters.previousOrSame(weeklyOn)).atTime(at).atZone(zone);
            if (candidate.isAfter(local)) {
                candidate = candidate.toLocalDate().minusWeeks(1).atTime(at).atZone(zone);
            }
        } else if (candidate.isAfter(local)) {
            candidate = candidate.toLocalDate().minusDays(1).atTime(at).atZone(zone);
        }
        return candidate.toInstant();
    }
}
