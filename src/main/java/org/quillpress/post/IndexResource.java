package org.quillpress.post;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.quillpress.web.Paths;
import org.quillpress.web.PublicPage;
import org.quillpress.web.SiteTime;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The index pages a reader browses by: every tag, the category tree and every month with posts, each with its
 * number of published posts. Each page costs a fixed number of statements, whatever the number of posts.
 */
@Path("/")
public class IndexResource {

    private static final String VISIBLE_POST = "p.kind = org.quillpress.post.PostKind.POST and " + Post.VISIBLE;

    /** A tag or a category with its number of published posts; a category's children nest under it. */
    public record Entry(String name, String path, long posts, List<Entry> children) {
    }

    /** A year of the archive, newest month first. */
    public record Year(int year, List<Month> months, long posts) {
    }

    /** A month with posts, as the site's readers live it (in the site's time zone). */
    public record Month(String name, String path, long posts) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tags(List<Entry> tags);

        static native TemplateInstance categories(List<Entry> categories);

        static native TemplateInstance archive(List<Year> years);
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @GET
    @PublicPage
    @Path("tags")
    @Transactional
    public TemplateInstance tags() {
        List<Entry> tags = em.createQuery("select t.name, t.slug, count(p) from Post p join p.tags t where "
                + VISIBLE_POST + " group by t.name, t.slug order by lower(t.name), t.slug", Object[].class)
                .setParameter("now", clock.instant()).getResultList().stream()
                .map(row -> new Entry((String) row[0], Paths.tag((String) row[1]), (Long) row[2], List.of()))
                .toList();
        return Templates.tags(tags);
    }

    @GET
    @PublicPage
    @Path("categories")
    @Transactional
    public TemplateInstance categories() {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select c.id, count(p) from Post p join p.categories c where " + VISIBLE_POST
                + " group by c.id", Object[].class).setParameter("now", clock.instant()).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        List<Object[]> rows = em.createQuery("select c.id, c.parent.id, c.name, c.slug from Category c "
                + "order by lower(c.name), c.slug", Object[].class).getResultList();
        Map<Long, List<Object[]>> byParent = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byParent.computeIfAbsent((Long) row[1], k -> new ArrayList<>()).add(row);
        }
        return Templates.categories(branch(null, byParent, counts));
    }

    /** The categories under {@code parent} with their own subtrees; empty ones stay out unless a child has posts. */
    private static List<Entry> branch(Long parent, Map<Long, List<Object[]>> byParent, Map<Long, Long> counts) {
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : byParent.getOrDefault(parent, List.of())) {
            Long id = (Long) row[0];
            List<Entry> children = branch(id, byParent, counts);
            long posts = counts.getOrDefault(id, 0L);
            if (posts > 0 || !children.isEmpty()) {
                entries.add(new Entry((String) row[2], Paths.category((String) row[3]), posts, children));
            }
        }
        return entries;
    }

    @GET
    @PublicPage
    @Path("archive")
    @Transactional
    public TemplateInstance archive() {
        Instant now = clock.instant();
        Object[] range = em.createQuery("select min(p.publishAt), max(p.publishAt) from Post p where " + VISIBLE_POST,
                Object[].class).setParameter("now", now).getSingleResult();
        if (range[0] == null) {
            return Templates.archive(List.of());
        }
        // months are counted in the site's time zone, in one statement: a sum per month between its bounds
        YearMonth first = YearMonth.from(((Instant) range[0]).atZone(SiteTime.zone()));
        YearMonth last = YearMonth.from(((Instant) range[1]).atZone(SiteTime.zone()));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
            months.add(m);
        }
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            sums.append(i == 0 ? "" : ", ").append("sum(case when p.publishAt >= :from").append(i)
                    .append(" and p.publishAt < :to").append(i).append(" then 1 else 0 end)");
        }
        TypedQuery<Object[]> query = em.createQuery("select " + sums + ", count(p) from Post p where " + VISIBLE_POST,
                Object[].class).setParameter("now", now);
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = months.get(i);
            query.setParameter("from" + i, m.atDay(1).atStartOfDay(SiteTime.zone()).toInstant());
            query.setParameter("to" + i, m.plusMonths(1).atDay(1).atStartOfDay(SiteTime.zone()).toInstant());
        }
        Object[] counts = query.getSingleResult();
        Map<Integer, List<Month>> byYear = new LinkedHashMap<>();
        Map<Integer, Long> yearTotals = new HashMap<>();
        for (int i = 0; i < months.size(); i++) {
            long posts = ((Number) counts[i]).longValue();
            if (posts == 0) {
                continue;
            }
            YearMonth m = months.get(i);
            String name = SiteTime.month(m);
            byYear.computeIfAbsent(m.getYear(), k -> new ArrayList<>())
                    .add(new Month(name, Paths.month(m.getYear(), m.getMonthValue()), posts));
            yearTotals.merge(m.getYear(), posts, Long::sum);
        }
        List<Year> years = byYear.entrySet().stream()
                .map(e -> new Year(e.getKey(), e.getValue(), yearTotals.get(e.getKey()))).toList();
        return Templates.archive(years);
    }
}
