package org.quillpress.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.quillpress.account.AccountDeleting;
import org.quillpress.account.AccountService;

/** Takes the person out of the comments of an account being deleted, and their text when they asked. */
@ApplicationScoped
public class CommentsOfDeletedAccounts {

    // synchronous and in the deleting transaction: the account row must not go while comments still name it
    void onAccountDeleting(@Observes AccountDeleting deleting) {
        var em = Comment.getEntityManager();
        if (deleting.removeComments()) {
            em.createQuery("delete from CommentRevision r where r.comment.id in "
                    + "(select c.id from Comment c where c.account.id = :id)").setParameter("id", deleting.accountId())
                    .executeUpdate();
            em.createQuery("update Comment c set c.bodyMarkdown = '', c.bodyHtml = :removed where c.account.id = :id")
                    .setParameter("removed", "<p class=\"comment-removed\">Removed by its writer.</p>")
                    .setParameter("id", deleting.accountId()).executeUpdate();
        }
        // replies by others keep their place in the thread, so the rows stay with nothing that points to the person
        em.createQuery("update Comment c set c.authorName = :name, c.authorEmail = null, c.authorUrl = null, "
                + "c.authorProvider = null, c.clientAddress = null, c.userAgent = null, c.notifyReplies = false, "
                + "c.account = null where c.account.id = :id").setParameter("name", AccountService.DELETED_USER)
                .setParameter("id", deleting.accountId()).executeUpdate();
    }
}
