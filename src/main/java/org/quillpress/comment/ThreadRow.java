package org.quillpress.comment;

import java.time.Instant;

import org.quillpress.account.Role;

/**
 * One comment of a thread as read for display: a projection, not an entity, so a long thread costs no
 * persistence-context bookkeeping or dirty checking.
 */
public record ThreadRow(long id, Long parentId, int depth, String path, CommentStatus status, String authorName,
        String authorUrl, String authorProvider, String bodyHtml, Instant createdAt, Instant editedAt, Long accountId,
        String accountName, String accountWebsite, Role accountRole) {

    static final String SELECT = "select c.id, c.parent.id, c.depth, c.path, c.status, c.authorName, c.authorUrl, "
            + "c.authorProvider, c.bodyHtml, c.createdAt, c.editedAt, a.id, a.displayName, a.website, a.role "
            + "from Comment c left join c.account a ";
}
