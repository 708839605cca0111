package org.quillpress.audit;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quillpress.account.Account;
import org.quillpress.moderation.BanChanged;
import org.quillpress.post.Post;
import org.quillpress.post.PostSaved;
import org.quillpress.team.InvitationChanged;

/**
 * Turns what other packages announce into audit entries. Observers run inside the announcing transaction, so an
 * entry commits or rolls back with its change.
 */
@ApplicationScoped
class AuditObservers {

    @Inject
    AuditLog log;

    /**
     * Every save of a post or page, with the status it has afterwards: published, scheduled, draft, or whatever
     * status the post package adds (a trashed post is recorded as such without this class knowing of trash).
     */
    void onPostSaved(@Observes PostSaved event) {
        Post post = Post.findById(event.id());
        if (post == null) {
            return;
        }
        log.record(AuditKind.POST, event.kind().name().toLowerCase(Locale.ROOT) + " “" + post.title + "” ("
                + post.path() + ")", "saved, now " + post.status.name().toLowerCase(Locale.ROOT));
    }

    void onInvitation(@Observes InvitationChanged event) {
        String what = switch (event.what()) {
            case SENT -> "invited as " + event.role().code();
            case REVOKED -> "invitation revoked";
            case ACCEPTED -> "invitation accepted, joined as " + event.role().code();
            case SIGNED_UP -> "signed up by email as " + event.role().code();
        };
        log.record(AuditKind.INVITATION, event.email(), what);
    }

    void onBan(@Observes BanChanged event) {
        String subject = switch (event.kind()) {
            case ACCOUNT -> account(event.value());
            case EMAIL -> "email " + event.value();
            case NETWORK -> "network " + event.value();
        };
        String detail;
        if (event.lifted()) {
            detail = "ban lifted";
        } else {
            detail = "banned " + (event.until() == null ? "without end" : "until " + event.until())
                    + (event.reason() == null ? "" : ": " + event.reason());
        }
        log.record(AuditKind.BAN, subject, detail);
    }

    private static String account(String id) {
        try {
            Account account = Account.findById(Long.parseLong(id));
            return account == null ? "account #" + id : "account @" + account.handle;
        } catch (NumberFormatException e) {
            return "account " + id;
        }
    }
}
