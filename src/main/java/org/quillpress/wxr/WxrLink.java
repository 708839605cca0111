package org.quillpress.wxr;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What an import brought in: the WordPress site it came from, the id it had there and the row it became
 * here. A second import of the same file finds its posts and comments here and leaves them alone; old
 * WordPress addresses find their new place through it.
 */
@Entity
@Table(name = "wxr_link")
public class WxrLink extends PanacheEntityBase {

    /** What a link points at. */
    public enum Kind {
        POST,
        COMMENT
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(nullable = false)
        public String source;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Kind kind;

        @Column(name = "wp_id", nullable = false)
        public long wpId;

        public Key() {
        }

        Key(String source, Kind kind, long wpId) {
            this.source = source;
            this.kind = kind;
            this.wpId = wpId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.source.equals(source) && k.kind == kind && k.wpId == wpId;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(source, kind, wpId);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "local_id", nullable = false)
    public long localId;

    /** The slug the post had on WordPress (its old permalinks), which may differ here after a collision. */
    @Column(name = "wp_slug")
    public String wpSlug;

    /** WordPress ids looked up per query, well under every database's limit on parameters. */
    static final int LOOKUP_CHUNK = 300;

    static void record(String source, Kind kind, long wpId, long localId, String wpSlug) {
        of(source, kind, wpId, localId, wpSlug).persist();
    }

    /** A link not yet stored. */
    static WxrLink of(String source, Kind kind, long wpId, long localId, String wpSlug) {
        WxrLink link = new WxrLink();
        link.key = new Key(source, kind, wpId);
        link.localId = localId;
        link.wpSlug = wpSlug;
        return link;
    }

    /**
     * The local ids of what came from {@code source} with these WordPress ids (those imported), by WordPress id.
     * The keys are compared as whole rows, {@code (source, kind, wp_id) in ((?, ?, ?), …)}: H2 then looks each one
     * up in the primary key, where {@code wp_id in (…)} beside the other two columns would make it read every
     * link of the site (PostgreSQL looks them up either way).
     */
    static Map<Long, Long> localIds(String source, Kind kind, Collection<Long> wpIds) {
        Map<Long, Long> ids = new HashMap<>();
        List<Long> all = new ArrayList<>(wpIds);
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            StringBuilder sql = new StringBuilder("select wp_id, local_id from wxr_link where (source, kind, wp_id) in (");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?)");
            }
            jakarta.persistence.Query query = getEntityManager().createNativeQuery(sql.append(')').toString());
            int position = 1;
            for (Long wpId : chunk) {
                query.setParameter(position++, source);
                query.setParameter(position++, kind.name());
                query.setParameter(position++, wpId);
            }
            for (Object row : query.getResultList()) {
                Object[] columns = (Object[]) row;
                ids.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
            }
        }
        return ids;
    }

    /** The local id of what came from {@code source} with this WordPress id. */
    static Optional<Long> localId(String source, Kind kind, long wpId) {
        return find("select l.localId from WxrLink l where l.key.source = ?1 and l.key.kind = ?2 and l.key.wpId = ?3",
                source, kind, wpId).project(Long.class).firstResultOptional();
    }

    /** Where the post or page with this id here came from, when it was imported. */
    static Optional<WxrLink> origin(long postId) {
        return find("key.kind = ?1 and localId = ?2", Kind.POST, postId).firstResultOptional();
    }

    /** A blog imported before: the name its import was filed under and how many posts and pages came from it. */
    public record Source(String name, long posts) {
    }

    /** The sources imported so far (those of items whose id a file repeated are counted with their blog). */
    static List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        for (Object[] row : find("select l.key.source, count(l) from WxrLink l where l.key.kind = ?1 "
                + "and l.key.source not like '%#repeat-%' group by l.key.source order by l.key.source", Kind.POST)
                .project(Object[].class).list()) {
            sources.add(new Source((String) row[0], ((Number) row[1]).longValue()));
        }
        return sources;
    }

    /**
     * Where the post or page that had WordPress id {@code wpId} lives now. Two imported blogs may both have had
     * that id: the one whose address has the host the request came to (its old domain, now pointing here) wins.
     */
    static Optional<String> pathForWordPressId(long wpId, String host) {
        return find("select p.slug, p.kind from WxrLink l, org.quillpress.post.Post p where l.key.kind = ?1 and "
                + "l.key.wpId = ?2 and p.id = l.localId "
                + "order by case when l.key.source like ?3 then 0 else 1 end, l.key.source",
                Kind.POST, wpId, "%://" + host.replace("%", "").replace("_", "") + "%")
                .project(Object[].class).firstResultOptional()
                .map(row -> ((org.quillpress.post.PostKind) row[1]).path((String) row[0]));
    }

    /** Where the post that had the slug {@code wpSlug} on WordPress lives now. */
    static Optional<String> pathForWordPressSlug(String wpSlug) {
        return path("l.wpSlug = ?2", wpSlug);
    }

    /** The address of the post or page, a page's with its parents' slugs (so one redirect takes a reader there). */
    private static Optional<String> path(String condition, Object value) {
        return getEntityManager().createQuery("select p from WxrLink l, org.quillpress.post.Post p where "
                + "l.key.kind = ?1 and " + condition + " and p.id = l.localId order by l.key.source",
                org.quillpress.post.Post.class).setParameter(1, Kind.POST).setParameter(2, value).setMaxResults(1)
                .getResultStream().findFirst().map(org.quillpress.post.Post::path);
    }
}
