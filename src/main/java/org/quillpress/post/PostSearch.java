package org.quillpress.post;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quillpress.post.PostViews.Summary;

import io.quarkus.panache.common.Parameters;

/**
 * Searches visible posts by title and body: PostgreSQL's full-text search (ranked, with its own query
 * syntax such as "quoted phrases" and -exclusions) when on PostgreSQL, a case-insensitive match of every
 * word on the embedded H2.
 */
@ApplicationScoped
public class PostSearch {

    public static final int PAGE_SIZE = 10;
    public static final int MAX_QUERY = 200;

    @Inject
    EntityManager em;

    @Inject
    PostListing listing;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** One page of results (page numbers from 1), plus whether another page follows. */
    public record Results(List<Summary> posts, int page, boolean more) {
        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }
    }

    @Transactional
    public Results search(String query, int page) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new Results(List.of(), 1, false);
        }
        int offset = (Math.max(1, page) - 1) * PAGE_SIZE;
        List<Long> ids = "postgresql".equals(dbKind) ? fullText(q, offset) : likeEveryWord(q, offset);
        boolean more = ids.size() > PAGE_SIZE;
        List<Long> pageIds = more ? ids.subList(0, PAGE_SIZE) : ids;
        if (pageIds.isEmpty()) {
            return new Results(List.of(), page, false);
        }
        Map<Long, Post> byId = Post.<Post> list("from Post p join fetch p.author left join fetch p.category "
                + "where p.id in ?1", pageIds).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<Post> ordered = new ArrayList<>();
        for (Long id : pageIds) {
            ordered.add(byId.get(id));
        }
        return new Results(listing.summaries(ordered), page, more);
    }

    @SuppressWarnings("unchecked")
    private List<Long> fullText(String q, int offset) {
        // the expression matches the index in db/postgresql/V1_1__post_search_index.sql
        List<Number> ids = em.createNativeQuery("""
                select p.id from post p
                where p.kind = 'POST' and p.status in ('PUBLISHED', 'SCHEDULED') and p.publish_at <= :now
                  and to_tsvector('simple', p.title || ' ' || left(p.body_markdown, 200000))
                      @@ websearch_to_tsquery('simple', :q)
                order by ts_rank(to_tsvector('simple', p.title || ' ' || left(p.body_markdown, 200000)),
                                 websearch_to_tsquery('simple', :q)) desc, p.publish_at desc
                """).setParameter("now", clock.instant()).setParameter("q", q).setFirstResult(offset)
                .setMaxResults(PAGE_SIZE + 1).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private List<Long> likeEveryWord(String q, int offset) {
        StringBuilder where = new StringBuilder("p.kind = org.quillpress.post.PostKind.POST and " + Post.VISIBLE);
        Parameters params = Parameters.with("now", clock.instant());
        String[] words = q.toLowerCase(Locale.ROOT).split("\\s+");
        for (int i = 0; i < Math.min(words.length, 8); i++) {
            String pattern = "%" + words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" and (lower(p.title) like :w").append(i).append(" escape '\\' or lower(p.bodyMarkdown) like :w")
                    .append(i).append(" escape '\\')");
            params.and("w" + i, pattern);
        }
        return Post.find("select p.id from Post p where " + where + " order by " + Post.timelineOrder("desc"), params)
                .project(Long.class).range(offset, offset + PAGE_SIZE).list();
    }

}
