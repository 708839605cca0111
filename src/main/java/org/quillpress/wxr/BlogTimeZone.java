package org.quillpress.wxr;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * The time zone of the WordPress blog an export came from. WordPress writes each date twice, in the blog's
 * time and in UTC ({@code wp:post_date}, {@code wp:post_date_gmt}); their differences are the blog's offsets
 * through the year. A zone named in the file wins; otherwise the zone is the one whose clock changes explain
 * every offset seen, looked for first in the country of the blog's language and named as the region's usual
 * zone (Europe/Berlin for a German blog, Europe/Paris for a central European one of unknown country), and a
 * fixed offset when no zone explains them all (or when one offset all year, of a blog of unknown country,
 * cannot tell which zone it is).
 */
final class BlogTimeZone {

    /** Dates kept to judge the zone by: enough for every clock change of a blog's life, bounded for huge files. */
    static final int MAX_SAMPLES = 5000;

    private final Map<Instant, ZoneOffset> samples = new HashMap<>();
    private final Map<ZoneOffset, Integer> offsetCounts = new HashMap<>();

    /** Notes one date written both ways; dates WordPress left unset (0000-00-00) or that disagree wildly are ignored. */
    void sample(String local, String gmt) {
        LocalDateTime l = parse(local);
        LocalDateTime g = parse(gmt);
        if (l == null || g == null) {
            return;
        }
        long seconds = Duration.between(g, l).getSeconds();
        if (seconds % 900 != 0 || Math.abs(seconds) > 18 * 3600) {
            return;
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) seconds);
        offsetCounts.merge(offset, 1, Integer::sum);
        if (samples.size() < MAX_SAMPLES) {
            samples.put(g.toInstant(ZoneOffset.UTC), offset);
        }
    }

    /** The offset most of the blog's dates had so far, for dates the file gives in the blog's time only. */
    Optional<ZoneOffset> usualOffset() {
        return offsetCounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** How many dates the zone is judged by. */
    int sampleCount() {
        return offsetCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The blog's zone: {@code named} when it is a zone's name, else derived from the dates seen ({@code language}
     * like "de-DE" says where to look first); empty when the file has no dates written both ways.
     */
    Optional<ZoneId> zone(String named, String language) {
        if (named != null && !named.isBlank()) {
            try {
                return Optional.of(ZoneId.of(named.strip()));
            } catch (DateTimeException e) {
                // not a zone's name (WordPress writes "" or an offset like "UTC+2" for manual offsets): derive it
            }
        }
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        String country = country(language);
        // one offset all year says nothing of clock changes: a zone is named only within the blog's country
        boolean oneOffset = offsetCounts.size() == 1;
        for (String id : oneOffset ? countryZones(country) : candidates(country)) {
            Optional<ZoneId> zone = javaZone(id).filter(this::explainsAll);
            if (zone.isPresent()) {
                return Optional.of(usualZoneOfRegion(zone.get(), country).orElse(zone.get()));
            }
        }
        ZoneOffset offset = usualOffset().orElse(ZoneOffset.UTC);
        return Optional.of(offset.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : offset);
    }

    private boolean explainsAll(ZoneId zone) {
        for (Map.Entry<Instant, ZoneOffset> sample : samples.entrySet()) {
            if (!zone.getRules().getOffset(sample.getKey()).equals(sample.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The zones to try, those of the blog's country first; each a canonical place (no aliases, no Etc/GMT+1). */
    private static Set<String> candidates(String country) {
        Set<String> ids = countryZones(country);
        ids.addAll(TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null));
        return ids;
    }

    private static Set<String> countryZones(String country) {
        Set<String> ids = new LinkedHashSet<>();
        if (country != null) {
            ids.addAll(TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, country, null));
        }
        return ids;
    }

    /**
     * The zone people of the region name for the clock {@code zone} keeps (its metazone's reference zone): a
     * central European blog is in Europe/Paris rather than Africa/Ceuta, which keeps the same time.
     */
    private Optional<ZoneId> usualZoneOfRegion(ZoneId zone, String country) {
        TimeZoneNames names = TimeZoneNames.getInstance(ULocale.ROOT);
        long at = samples.keySet().stream().max(Instant::compareTo).orElseThrow().toEpochMilli();
        String metazone = names.getMetaZoneID(zone.getId(), at);
        if (metazone == null) {
            return Optional.empty();
        }
        List<String> regions = new ArrayList<>();
        if (country != null) {
            regions.add(country);
        }
        regions.add("001");
        for (String region : regions) {
            Optional<ZoneId> usual = javaZone(names.getReferenceZoneID(metazone, region)).filter(this::explainsAll);
            if (usual.isPresent()) {
                return usual;
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> javaZone(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            // a zone ICU knows and this JDK's time zone data does not (they are updated separately)
            return Optional.empty();
        }
    }

    /** The country of a language tag like "de-DE" or "pt_BR", or null. */
    static String country(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String country = Locale.forLanguageTag(language.strip().replace('_', '-')).getCountry();
        return country.length() == 2 ? country : null;
    }

    private static LocalDateTime parse(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), WxrNames.DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
