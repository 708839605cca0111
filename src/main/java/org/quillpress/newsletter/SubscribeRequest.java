package org.quillpress.newsletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import org.quillpress.post.Category;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A request to subscribe, waiting for the link in its confirmation mail. Until then it changes nothing: not even
 * an existing subscription of the same address, which the confirmed request then replaces.
 */
@Entity
@Table(name = "post_subscribe_request")
public class SubscribeRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String email;

    @Column(name = "all_posts", nullable = false)
    public boolean allPosts;

    @ManyToMany
    @JoinTable(name = "post_subscribe_request_category", joinColumns = @JoinColumn(name = "request_id"), inverseJoinColumns = @JoinColumn(name = "category_id"))
    public List<Category> categories = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Frequency frequency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /**
     * Deletes the requests whose link no longer works; returns how many. With statements that delete whatever is
     * still there, not entity by entity: two instances cleaning up at the same moment made the later one's
     * delete of an entity the earlier had removed fail its transaction.
     */
    static long deleteExpired(Instant now) {
        getEntityManager().createNativeQuery("delete from post_subscribe_request_category where request_id in "
                + "(select id from post_subscribe_request where expires_at < :now)").setParameter("now", now)
                .executeUpdate();
        return delete("expiresAt < ?1", now);
    }
}
