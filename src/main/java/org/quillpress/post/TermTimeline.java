package org.quillpress.post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Interceptor;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.type.Type;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Keeps every tag's and category's own timeline right: the {@code visible_at} of a post's rows in post_tag and
 * post_category (V26) is its publish time while readers may see it (a POST, published or scheduled), null
 * otherwise, so that an archive reads only its term's posts, in order ({@link PostListing}).
 * <p>
 * Why a Hibernate interceptor: every change that moves a post on or off a term's timeline is a change to a
 * {@link Post} entity (its status, publish time or kind) or to its tags or categories collections, and Hibernate
 * reports each of them here however it was made: the editor, the API, scheduling, the trash, revisions, the desk's
 * bulk actions, term merges and the WordPress import. Hibernate rewrites a changed collection's rows (a new row has
 * no time yet), so the rows are set from the post table after the last flush, in one statement per table for the
 * whole transaction: a batch of the command-line import costs two statements, not two per post. Statements that
 * change only a term id in place (merging tags or categories) keep the row's time, which belongs to the post.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class TermTimeline implements Interceptor {

    /** The post fields a term's timeline shows; a change to another leaves it as it is. */
    private static final Set<String> SHOWN = Set.of("kind", "status", "publishAt");

    private static final Set<String> COLLECTIONS = Set.of(Post.class.getName() + ".tags",
            Post.class.getName() + ".categories");

    /** The time a post appears, from its row: {@link Post#VISIBLE} without the clock, which readers compare. */
    static final String VISIBLE_AT = "case when p.kind = '" + PostKind.POST.name() + "' and p.status in ('"
            + PostStatus.PUBLISHED.name() + "', '" + PostStatus.SCHEDULED.name() + "') then p.publish_at end";

    /** Ids per statement, well under any driver's parameter limit. */
    private static final int CHUNK = 500;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    /** The posts of one transaction whose rows are to be set, and the session that wrote them. */
    private record Pending(Session session, Set<Long> posts) {
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
            String[] propertyNames, Type[] types) {
        if (entity instanceof Post) {
            for (int i = 0; i < propertyNames.length; i++) {
                if (SHOWN.contains(propertyNames[i])
                        && (previousState == null || !Objects.equals(currentState[i], previousState[i]))) {
                    changed(id);
                    break;
                }
            }
        }
        return false;
    }

    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        collectionChanged(collection, key);
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        collectionChanged(collection, key);
    }

    private void collectionChanged(Object collection, Object key) {
        if (collection instanceof PersistentCollection<?> c && COLLECTIONS.contains(c.getRole())) {
            changed(key);
        }
    }

    private void changed(Object postId) {
        if (postId == null || transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return;
        }
        Pending pending = (Pending) transactions.getResource(TermTimeline.class);
        if (pending == null) {
            pending = new Pending(em.unwrap(Session.class), new LinkedHashSet<>());
            transactions.putResource(TermTimeline.class, pending);
        }
        pending.posts().add((Long) postId);
    }

    /** Called by Hibernate after the transaction's last flush, before it commits. */
    @Override
    public void beforeTransactionCompletion(Transaction tx) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return;
        }
        Pending pending = (Pending) transactions.getResource(TermTimeline.class);
        if (pending == null || pending.posts().isEmpty()) {
            return;
        }
        List<Long> posts = new ArrayList<>(pending.posts());
        pending.posts().clear();
        pending.session().doWork(connection -> sync(connection, posts));
    }

    /** Sets the rows of these posts in both join tables from the post table. */
    static void sync(Connection connection, List<Long> posts) throws SQLException {
        for (int from = 0; from < posts.size(); from += CHUNK) {
            List<Long> chunk = posts.subList(from, Math.min(posts.size(), from + CHUNK));
            for (String table : List.of("post_tag", "post_category")) {
                String sql = "update " + table + " set visible_at = (select " + VISIBLE_AT + " from post p where p.id = "
                        + table + ".post_id) where post_id in (" + "?, ".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        update.setLong(i + 1, chunk.get(i));
                    }
                    update.executeUpdate();
                }
            }
        }
    }
}
