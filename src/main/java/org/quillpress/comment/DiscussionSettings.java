package org.quillpress.comment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quillpress.bus.Area;
import org.quillpress.bus.ChangeBus;
import org.quillpress.bus.RemoteChange;
import org.quillpress.site.SiteSetting;
import org.quillpress.web.ContentChanged;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The discussion rules an admin sets: each step of the moderation pipeline, with WordPress-like
 * defaults. Held in memory like the site settings: reloaded when another instance announces a save on the
 * {@link ChangeBus}, and every minute should such a message be lost.
 */
@ApplicationScoped
public class DiscussionSettings {

    static final String PREFIX = "discussion.";

    /** The rules as a value. Terms are lower-case, one per entry. */
    public record Rules(int threadDepth, int editWindowMinutes, int closeAfterDays, int floodSeconds,
            int hourlyLimit, int minSecondsToWrite, int linkLimit, boolean requireApproval,
            boolean requirePriorApproval, List<String> holdTerms, List<String> spamTerms, int commentsPerPage) {

        public static final int MAX_DEPTH = 10;

        public static Rules defaults() {
            return new Rules(5, 10, 0, 15, 30, 3, 2, false, true, List.of(), List.of(), 50);
        }
    }

    private volatile Rules current = Rules.defaults();

    @Inject
    Event<ContentChanged> changed;

    @Inject
    ChangeBus bus;

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    public Rules current() {
        return current;
    }

    public void save(Rules rules) {
        QuarkusTransaction.requiringNew().run(() -> {
            put("thread-depth", rules.threadDepth());
            put("edit-window-minutes", rules.editWindowMinutes());
            put("close-after-days", rules.closeAfterDays());
            put("flood-seconds", rules.floodSeconds());
            put("hourly-limit", rules.hourlyLimit());
            put("min-seconds-to-write", rules.minSecondsToWrite());
            put("link-limit", rules.linkLimit());
            put("require-approval", rules.requireApproval());
            put("require-prior-approval", rules.requirePriorApproval());
            put("hold-terms", String.join("\n", rules.holdTerms()));
            put("spam-terms", String.join("\n", rules.spamTerms()));
            put("comments-per-page", rules.commentsPerPage());
            bus.publish(Area.DISCUSSION_SETTINGS);
            // thread depth and page size shape every post page the cache holds
            changed.fire(new ContentChanged("discussion settings", false));
        });
        current = rules;
    }

    void onRemoteChange(@Observes RemoteChange change) {
        if (change.area() == Area.DISCUSSION_SETTINGS) {
            reload();
        }
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        current = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> all = new HashMap<>();
            SiteSetting.<SiteSetting> list("name like ?1", PREFIX + "%")
                    .forEach(s -> all.put(s.name.substring(PREFIX.length()), s.value));
            Rules d = Rules.defaults();
            return new Rules(integer(all, "thread-depth", d.threadDepth()),
                    integer(all, "edit-window-minutes", d.editWindowMinutes()),
                    integer(all, "close-after-days", d.closeAfterDays()),
                    integer(all, "flood-seconds", d.floodSeconds()),
                    integer(all, "hourly-limit", d.hourlyLimit()),
                    integer(all, "min-seconds-to-write", d.minSecondsToWrite()),
                    integer(all, "link-limit", d.linkLimit()),
                    Boolean.parseBoolean(all.getOrDefault("require-approval", Boolean.toString(d.requireApproval()))),
                    Boolean.parseBoolean(
                            all.getOrDefault("require-prior-approval", Boolean.toString(d.requirePriorApproval()))),
                    terms(all.get("hold-terms")), terms(all.get("spam-terms")),
                    integer(all, "comments-per-page", d.commentsPerPage()));
        });
    }

    /** Terms typed one per line (or separated by commas), trimmed, lower-cased, blanks dropped. */
    public static List<String> terms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\n,]")).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static void put(String name, Object value) {
        SiteSetting.put(PREFIX + name, String.valueOf(value));
    }

    private static int integer(Map<String, String> all, String name, int fallback) {
        try {
            return Integer.parseInt(all.getOrDefault(name, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
