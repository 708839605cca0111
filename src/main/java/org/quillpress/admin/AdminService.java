package org.quillpress.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.quillpress.account.Account;
import org.quillpress.account.AccountService;
import org.quillpress.account.Ban;
import org.quillpress.account.Role;
import org.quillpress.audit.AuditKind;
import org.quillpress.audit.AuditLog;
import org.quillpress.site.SiteSettings;
import org.quillpress.team.ReaderSignUps;
import org.quillpress.web.AdminMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** What admins change: site settings, categories and who holds which role. */
/** What admins change: site settings and who holds which role. */
@ApplicationScoped
public class AdminService {

    @Inject
    SiteSettings settings;

    @Inject
    StaffText staff;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    ReaderSignUps signUps;

    /** An account as the admin list shows it; the email is for staff eyes only. */
    /** An account in the admin list; {@code ban} describes a ban in force ("until 2026-12-01: spam"), or null. */
    public record AccountRow(long id, String displayName, String handle, String email, Role role, String ban) {
    }

    /** Saves the site settings, checked by {@link SettingsForm#toSite}. */
    public void saveSettings(SettingsForm form) {
        SiteSettings.Site before = settings.current();
        SiteSettings.Site after = form.toSite(before, staff.admin());
        settings.save(after);
        String changes = settingsChanges(before, after);
        if (!changes.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> audit.record(AuditKind.SETTINGS, "site settings", changes));
        }
    }

    /** "title, time zone (UTC → Europe/Paris)": which settings a save changed, for the audit log. */
    private static String settingsChanges(SiteSettings.Site before, SiteSettings.Site after) {
        List<String> changed = new java.util.ArrayList<>();
        if (!before.title().equals(after.title())) {
            changed.add("title");
        }
        if (!before.tagline().equals(after.tagline())) {
            changed.add("tagline");
        }
        if (!before.description().equals(after.description())) {
            changed.add("description");
        }
        if (before.postsPerPage() != after.postsPerPage()) {
            changed.add("posts per page (" + before.postsPerPage() + " → " + after.postsPerPage() + ")");
        }
        if (!before.timeZone().equals(after.timeZone())) {
            changed.add("time zone (" + before.timeZone().getId() + " → " + after.timeZone().getId() + ")");
        }
        if (before.dateStyle() != after.dateStyle()) {
            changed.add("date style");
        }
        if (before.language() != after.language()) {
            changed.add("language (" + before.language().tag + " → " + after.language().tag + ")");
        }
        return String.join(", ", changed);
    }

    @Transactional
    public List<AccountRow> accounts(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        List<Account> found = q.isEmpty() ? Account.find("order by role desc, displayName").page(0, 200).list()
                : Account.find("lower(displayName) like ?1 or lower(handle) like ?1 or lower(email) like ?1 "
                        + "order by displayName", "%" + q + "%").page(0, 200).list();
        Instant now = clock.instant();
        Map<String, Ban> bans = new java.util.HashMap<>();
        if (!found.isEmpty()) {
            Ban.<Ban> list("kind = ?1 and value in ?2", Ban.Kind.ACCOUNT,
                    found.stream().map(a -> a.id.toString()).toList()).stream().filter(b -> b.activeAt(now))
                    .forEach(b -> bans.put(b.value, b));
        }
        return found.stream().map(a -> new AccountRow(a.id, a.displayName, a.handle, a.email, a.role,
                describe(bans.get(a.id.toString())))).toList();
    }

    private String describe(Ban ban) {
        if (ban == null) {
            return null;
        }
        AdminMessages text = staff.admin();
        String until = ban.endDay() == null ? text.accBanWithoutEnd() : text.accBanUntil(ban.endDay());
        return ban.reason == null ? until : until + ": " + ban.reason;
    }

    public boolean readerSignUpOpen() {
        return signUps.open();
    }

    /** Opens or closes sign-up by email for readers (closed until an admin opens it). */
    @Transactional
    public void setReaderSignUp(boolean open) {
        if (signUps.open() != open) {
            signUps.setOpen(open);
            audit.record(AuditKind.SETTINGS, "reader sign-up by email", open ? "opened" : "closed");
        }
    }

    /** Gives an account a role; the site always keeps at least one admin. */
    @Transactional
    public void setRole(long accountId, String roleName) {
        Role role;
        try {
            role = Role.valueOf(roleName == null ? "" : roleName.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("role", staff.admin().accErrRole()));
        }
        Account account = Account.<Account> findByIdOptional(accountId).orElseThrow(NotFoundException::new);
        if (account.role == Role.ADMIN && role != Role.ADMIN && Account.count("role", Role.ADMIN) <= 1) {
            throw new InvalidInputException(409, Map.of("role", staff.admin().accErrLastAdmin()));
        }
        Role before = account.role;
        accounts.setRole(accountId, role);
        if (before != role) {
            audit.record(AuditKind.ROLE, "account @" + account.handle,
                    "role " + before.code() + " → " + role.code());
        }
    }
}
