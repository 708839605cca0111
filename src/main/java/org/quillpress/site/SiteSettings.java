package org.quillpress.site;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quillpress.bus.Area;
import org.quillpress.bus.ChangeBus;
import org.quillpress.bus.RemoteChange;
import org.quillpress.web.ContentChanged;
import org.quillpress.web.Messages;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.SiteTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The admin-editable site settings. Every page's layout reads them, possibly on an I/O thread, so they
 * are held in memory: loaded at start, replaced on save, and reloaded when another instance announces a save
 * on the {@link ChangeBus}; and every minute, should such a message be lost.
 */
@ApplicationScoped
public class SiteSettings {

    static final String TITLE = "site.title";
    static final String TAGLINE = "site.tagline";
    static final String DESCRIPTION = "site.description";
    static final String POSTS_PER_PAGE = "site.posts-per-page";
    /** The site's time zone, a {@link ZoneId} such as "Europe/Paris"; the WordPress importer writes it too. */
    public static final String TIME_ZONE = "site.time-zone";
    static final String DATE_STYLE = "site.date-style";
    /** The language of the interface, mail and feeds: a {@link SiteLanguage.Language} tag such as "de". */
    public static final String LANGUAGE = "site.language";

    /**
     * The site's settings as a value; dates and times are shown in {@code timeZone}, written in {@code dateStyle},
     * and every word of the interface in {@code language}.
     */
    public record Site(String title, String tagline, String description, int postsPerPage, ZoneId timeZone,
            SiteTime.Style dateStyle, SiteLanguage.Language language) {
        public static final int MAX_POSTS_PER_PAGE = 100;
    }

    private volatile Site current;

    @Inject
    Event<ContentChanged> changed;

    @Inject
    ChangeBus bus;

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    public Site current() {
        return current;
    }

    /** Stores new settings; pages show them as soon as the transaction has committed. */
    public void save(Site site) {
        QuarkusTransaction.requiringNew().run(() -> {
            SiteSetting.put(TITLE, site.title());
            SiteSetting.put(TAGLINE, site.tagline());
            SiteSetting.put(DESCRIPTION, site.description());
            SiteSetting.put(POSTS_PER_PAGE, Integer.toString(site.postsPerPage()));
            SiteSetting.put(TIME_ZONE, site.timeZone().getId());
            SiteSetting.put(DATE_STYLE, site.dateStyle().name());
            SiteSetting.put(LANGUAGE, site.language().tag);
        });
        current = site;
        apply(site);
        // before the page cache's own announcement, so other instances reload these before dropping their pages
        bus.publish(Area.SITE_SETTINGS);
        changed.fire(new ContentChanged("site settings"));
    }

    void onRemoteChange(@Observes RemoteChange change) {
        if (change.area() == Area.SITE_SETTINGS) {
            reload();
        }
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        current = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> all = SiteSetting.<SiteSetting> list("name in ?1",
                    List.of(TITLE, TAGLINE, DESCRIPTION, POSTS_PER_PAGE, TIME_ZONE, DATE_STYLE, LANGUAGE)).stream()
                    .collect(Collectors.toMap(s -> s.name, s -> s.value));
            // a language the site no longer offers falls back to English, the messages' default
            SiteLanguage.Language language = Optional.ofNullable(SiteLanguage.Language.ofTag(all.get(LANGUAGE)))
                    .orElse(SiteLanguage.Language.ENGLISH);
            // until the owner writes them, the tagline and description are the product's, in the site's language
            Messages words = SiteLanguage.messages(Messages.class, language);
            return new Site(all.getOrDefault(TITLE, "Quillpress"), all.getOrDefault(TAGLINE, words.defaultTagline()),
                    all.getOrDefault(DESCRIPTION, words.defaultDescription()),
                    Integer.parseInt(all.getOrDefault(POSTS_PER_PAGE, "10")),
                    // a zone Java does not know (typed into the database, or from an import) falls back to UTC
                    Optional.ofNullable(SiteTime.parseZone(all.get(TIME_ZONE))).orElse(ZoneId.of("UTC")),
                    SiteTime.Style.parse(all.get(DATE_STYLE)), language);
        });
        apply(current);
    }

    /** Hands the settings that templates read statically to the places that hold them. */
    private static void apply(Site site) {
        SiteLanguage.use(site.language());
        SiteTime.use(site.timeZone(), site.dateStyle(), site.language().locale());
    }
}
