package org.quillpress.comment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.quillpress.account.Account;
import org.quillpress.post.Post;
import org.quillpress.web.BodyFormat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A reader's comment on a post, by a guest (name and private email) or a signed-in account. The
 * Markdown source is kept beside the sanitized HTML rendered from it.
 */
@Entity
public class Comment extends PanacheEntityBase {

    /** Width of one id in {@link #path}: ids sort as text in thread order. */
    static final int PATH_WIDTH = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Comment parent;

    @Column(nullable = false)
    public int depth;

    @Column(nullable = false)
    public String path;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    @Column(name = "author_email")
    public String authorEmail;

    @Column(name = "author_url")
    public String authorUrl;

    @Column(name = "author_provider")
    public String authorProvider;

    @Column(name = "body_markdown", nullable = false)
    public String bodyMarkdown;

    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    /** How {@link #bodyMarkdown} is written: Markdown, or HTML imported from WordPress. */
    @Enumerated(EnumType.STRING)
    @Column(name = "body_format", nullable = false)
    public BodyFormat bodyFormat = BodyFormat.MARKDOWN;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommentStatus status;

    public String reasons;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "notify_replies", nullable = false)
    public boolean notifyReplies;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Version
    public int version;

    /** The path segment for an id: zero-padded so that text order is numeric order. */
    public static String segment(long id) {
        String digits = Long.toString(id);
        return "0".repeat(Math.max(0, PATH_WIDTH - digits.length())) + digits;
    }

    /**
     * True when the writer (the account, or a guest by email) has already left these very words on the post. Asks
     * for one row at most: whether there is one, not how many.
     */
    public static boolean isRepeat(Post post, Account account, String email, String body) {
        return (account != null
                ? find("select 1 from Comment c where c.post = ?1 and c.account = ?2 and c.bodyMarkdown = ?3", post,
                        account, body)
                : find("select 1 from Comment c where c.post = ?1 and c.account is null "
                        + "and lower(c.authorEmail) = lower(?2) and c.bodyMarkdown = ?3", post, email, body))
                .project(Integer.class).firstResultOptional().isPresent();
    }

    /** True when this guest (same email and name) has an approved comment, as WordPress decides it. */
    public static boolean guestIsKnown(String email, String name) {
        return count("lower(authorEmail) = lower(?1) and authorName = ?2 and status = ?3 and account is null", email,
                name, CommentStatus.APPROVED) > 0;
    }

    public static boolean accountIsKnown(Account account) {
        return count("account = ?1 and status = ?2", account, CommentStatus.APPROVED) > 0;
    }
}
