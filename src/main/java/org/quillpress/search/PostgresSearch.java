package org.quillpress.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Search on PostgreSQL: its own full-text search over the {@code post.search_vector} column that triggers keep
 * up to date (db/postgresql/V17__search.sql), through a GIN index. The query is read by
 * {@code websearch_to_tsquery} ("quoted phrases", -exclusions, or); the newest matches (at most the search's
 * maximum) are ranked by {@code ts_rank_cd} with the title weighing most, then tags, then the body; snippets come from
 * {@code ts_headline}. Approved comments are not
 * searched on this build: keeping them in the vector would rewrite a post's row on every approval.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class PostgresSearch implements SearchEngine {

    private static final String HEADLINE_OPTIONS = "StartSel=" + Snippet.OPEN + ", StopSel=" + Snippet.CLOSE
            + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    @Inject
    EntityManager em;

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Hits search(String text, Instant now, int offset, int limit, int max) {
        // Only the newest max matches are ranked, and they are counted up to max + 1: ranking or counting every
        // match read all their vectors (100,000 for a word in every post: 1.15 s, with the count spilling to
        // disk). The query is written out in "recent" rather than read from "query", so that the planner sees
        // it: for a common word it walks the index post_search_recent from the newest post and stops after
        // max + 1 matches; for a rare one it reads the few matches from the GIN index post_search.
        // The headline is made for the one page of hits only: it reads the whole body.
        List<Object[]> rows = em.createNativeQuery("""
                with query as (select websearch_to_tsquery('quillpress_search', :q) as q),
                recent as (
                    select p.id, p.publish_at, p.search_vector
                    from post p
                    where p.search_vector @@ websearch_to_tsquery('quillpress_search', :q)
                      and p.status in ('PUBLISHED', 'SCHEDULED') and p.publish_at <= :now
                    order by p.publish_at desc, p.id desc
                    limit :max + 1),
                found as (
                    select r.id, r.publish_at, ts_rank_cd(r.search_vector, query.q) as rank
                    from (select * from recent order by publish_at desc, id desc limit :max) r, query
                    order by rank desc, r.publish_at desc, r.id desc
                    offset :offset limit :limit)
                select f.id, (select count(*) from recent),
                       ts_headline('quillpress_search', post_search_text(p.body_html), query.q, :options)
                from found f join post p on p.id = f.id, query
                order by f.rank desc, f.publish_at desc, f.id desc
                """).setParameter("q", text).setParameter("now", now).setParameter("max", max)
                .setParameter("offset", offset).setParameter("limit", limit).setParameter("options", HEADLINE_OPTIONS)
                .getResultList();
        if (rows.isEmpty()) {
            return offset == 0 ? Hits.NONE : new Hits(List.of(), count(text, now, max));
        }
        List<Hit> hits = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            hits.add(new Hit(((Number) row[0]).longValue(), Snippet.ofMarked(PlainText.references((String) row[2]))));
        }
        return new Hits(hits, ((Number) rows.get(0)[1]).longValue());
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Long> tags(String text, int limit) {
        // the expression matches the index tag_search
        List<Number> ids = em.createNativeQuery("""
                select t.id from tag t, websearch_to_tsquery('quillpress_search', :q) query
                where to_tsvector('quillpress_search'::regconfig, t.name) @@ query.query
                order by ts_rank(to_tsvector('quillpress_search'::regconfig, t.name), query.query) desc, t.name
                """).setParameter("q", text).setMaxResults(limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** How many match, up to {@code max + 1}. */
    private long count(String text, Instant now, int max) {
        return ((Number) em.createNativeQuery("""
                select count(*) from (select 1 from post p
                    where p.search_vector @@ websearch_to_tsquery('quillpress_search', :q)
                      and p.status in ('PUBLISHED', 'SCHEDULED') and p.publish_at <= :now
                    order by p.publish_at desc, p.id desc
                    limit :max + 1) counted
                """).setParameter("q", text).setParameter("now", now).setParameter("max", max).getSingleResult())
                .longValue();
    }
}
