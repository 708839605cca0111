package org.quillpress.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.AccountService;
import org.quillpress.account.LoginIdentity;
import org.quillpress.account.Role;
import org.quillpress.mail.AccountMails;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

/**
 * Invitations: an admin names an email and a role, the invitee gets a one-time link, valid for a week, that
 * creates their account with that role. Inviting the same email again replaces the earlier link.
 */
@ApplicationScoped
public class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);

    @Inject
    StaffText staff;

    @Inject
    AccountService accounts;

    @Inject
    AccountMails mails;

    @Inject
    Event<InvitationChanged> announced;

    @Inject
    Clock clock;

    /** An invitation waiting for its invitee, as the accounts page lists it. */
    public record Pending(long id, String email, Role role, Instant sentAt, Instant expiresAt) {
    }

    /** What an invitation link offers, shown before it is accepted. */
    public record Offer(String email, Role role) {
    }

    /** Sends an invitation; an email that already signs in here, or a role that does not exist, is refused. */
    @Transactional
    public void invite(InvitationForm form, AccountPrincipal by) {
        String email = form.email() == null ? "" : form.email().strip();
        Role role = parseRole(form.role());
        if (email.isEmpty() || email.length() > AccountService.MAX_EMAIL
                || !AccountService.EMAIL.matcher(email).matches()) {
            throw new InvalidInputException(Map.of("email", staff.admin().accErrEmail()));
        }
        if (LoginIdentity.findLocal(email).isPresent() || Account.count("lower(email)", email.toLowerCase(Locale.ROOT)) > 0) {
            throw new InvalidInputException(409, Map.of("email", staff.admin().accErrHasAccount()));
        }
        Instant now = clock.instant();
        OneTimeLink.listPendingInvitations(now).stream().filter(l -> l.email.equalsIgnoreCase(email))
                .forEach(l -> l.revokedAt = now);
        String token = OneTimeLink.newToken();
        OneTimeLink link = new OneTimeLink();
        link.purpose = OneTimeLink.Purpose.INVITE;
        link.tokenHash = OneTimeLink.hash(token);
        link.email = email;
        link.role = role;
        link.createdBy = by.id();
        link.createdAt = now;
        link.expiresAt = now.plus(VALID_FOR);
        link.persist();
        mails.invitation(email, by.displayName(), role.inSentence(), token, VALID_FOR);
        announced.fire(new InvitationChanged(InvitationChanged.What.SENT, email, role));
    }

    @Transactional
    public List<Pending> pending() {
        return OneTimeLink.listPendingInvitations(clock.instant()).stream()
                .map(l -> new Pending(l.id, l.email, l.role, l.createdAt, l.expiresAt)).toList();
    }

    /** Takes back an invitation that is still pending; its link stops working. */
    @Transactional
    public void revoke(long id) {
        Instant now = clock.instant();
        OneTimeLink link = OneTimeLink.<OneTimeLink> findByIdOptional(id)
                .filter(l -> l.purpose == OneTimeLink.Purpose.INVITE && l.usedAt == null && l.revokedAt == null
                        && l.expiresAt.isAfter(now))
                .orElseThrow(NotFoundException::new);
        link.revokedAt = now;
        announced.fire(new InvitationChanged(InvitationChanged.What.REVOKED, link.email, link.role));
    }

    /** What an invitation (or a sign-up confirmation) link offers, while it works; nothing changes. */
    @Transactional
    public Offer offer(String token, OneTimeLink.Purpose purpose) {
        return OneTimeLink.findUsable(token, purpose, clock.instant()).map(l -> new Offer(l.email, l.role))
                .orElseThrow(LinkNotUsable::new);
    }

    /**
     * Creates the invitee's (or the confirmed reader's) account with the link's role and uses the link up. A name or password
     * that breaks the
     * rules creates nothing and leaves the link working.
     */
    @Transactional
    public Accepted accept(String token, OneTimeLink.Purpose purpose, AcceptForm form) {
        OneTimeLink link = OneTimeLink.findUsable(token, purpose, clock.instant()).orElseThrow(LinkNotUsable::new);
        Account account = accounts.createLocal(form.displayName(), link.email, form.password(), link.role);
        if (!link.use(clock.instant())) {
            throw new LinkNotUsable();
        }
        announced.fire(new InvitationChanged(purpose == OneTimeLink.Purpose.SIGNUP ? InvitationChanged.What.SIGNED_UP
                : InvitationChanged.What.ACCEPTED, link.email, link.role));
        return new Accepted(AccountPrincipal.of(account), link.email);
    }

    /**
     * Accepts an invitation with the account already signed in (locally, or with a provider the invitee chose on
     * the invitation's page): it gets the invited role, unless it holds a higher one already. Returns its role now.
     */
    @Transactional
    public Role claim(String token, AccountPrincipal who) {
        OneTimeLink link = OneTimeLink.findUsable(token, OneTimeLink.Purpose.INVITE, clock.instant())
                .orElseThrow(LinkNotUsable::new);
        if (!link.use(clock.instant())) {
            throw new LinkNotUsable();
        }
        Account account = Account.findById(who.id());
        Role role = account.role.atLeast(link.role) ? account.role : link.role;
        accounts.setRole(who.id(), role);
        announced.fire(new InvitationChanged(InvitationChanged.What.ACCEPTED, link.email, role));
        return role;
    }

    /** An accepted invitation: the new account, and the email it signs in with. */
    public record Accepted(AccountPrincipal account, String email) {
    }

    private Role parseRole(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("role", staff.admin().accErrRole()));
        }
    }
}
