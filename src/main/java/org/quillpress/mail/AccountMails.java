package org.quillpress.mail;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.quillpress.site.SiteSettings;
import org.quillpress.web.SiteLanguage;

/**
 * Mail about an account itself: a password reset link, an invitation, a sign-up confirmation. Written to the outbox in the
 * caller's
 * transaction, so a link exists in a mail exactly when it was stored. The links carry secrets: they go into the
 * mail and nowhere else (no log line names them).
 */
@ApplicationScoped
public class AccountMails {

    @Inject
    Outbox outbox;

    @Inject
    MailLinks links;

    @Inject
    SiteSettings site;

    @Transactional(TxType.MANDATORY)
    public void passwordReset(String email, String token, Duration validFor) {
        MailTemplates.Rendered mail = MailTemplates.render(MailTemplates.passwordReset(siteTitle(),
                links.base() + "/password/reset/" + token, validFor.toMinutes()));
        outbox.enqueue(email, SiteLanguage.messages(MailMessages.class).mailResetSubject(siteTitle()), mail.text(), mail.html(),
                null);
    }

    @Transactional(TxType.MANDATORY)
    public void invitation(String email, String inviter, String role, String token, Duration validFor) {
        MailTemplates.Rendered mail = MailTemplates.render(MailTemplates.invitation(siteTitle(), inviter, role,
                links.base() + "/invitations/" + token, validFor.toDays()));
        outbox.enqueue(email, SiteLanguage.messages(MailMessages.class).mailInvitationSubject(inviter, siteTitle()),
                mail.text(),
                mail.html(), null);
    }

    @Transactional(TxType.MANDATORY)
    public void confirmSignUp(String email, String token, Duration validFor) {
        MailTemplates.Rendered mail = MailTemplates.render(MailTemplates.confirmSignUp(siteTitle(),
                links.base() + "/signup/" + token, validFor.toHours()));
        outbox.enqueue(email, SiteLanguage.messages(MailMessages.class).mailSignUpSubject(siteTitle()), mail.text(),
                mail.html(), null);
    }

    private String siteTitle() {
        return site.current().title();
    }
}
