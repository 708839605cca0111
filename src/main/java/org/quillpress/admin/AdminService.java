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
import org.quillpress.site.SiteSettings;
import org.quillpress.web.InvalidInputException;

/** What admins change: site settings and who holds which role. */
@ApplicationScoped
public class AdminService {

    @Inject
    SiteSettings settings;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    /** An account as the admin list shows it; the email is for staff eyes only. */
    /** An account in the admin list; {@code ban} describes a ban in force ("until 2026-12-01: spam"), or null. */
    public record AccountRow(long id, String displayName, String handle, String email, Role role, String ban) {
    }

    /** Saves the site settings, checked by {@link SettingsForm#toSite}. */
    public void saveSettings(SettingsForm form) {
        settings.save(form.toSite());
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

    private static String describe(Ban ban) {
        if (ban == null) {
            return null;
        }
        String until = ban.endDay() == null ? "without end" : "until " + ban.endDay();
        return ban.reason == null ? until : until + ": " + ban.reason;
    }

    /** Gives an account a role; the site always keeps at least one admin. */
    @Transactional
    public void setRole(long accountId, String roleName) {
        Role role;
        try {
            role = Role.valueOf(roleName == null ? "" : roleName.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("role", "Choose reader, author, moderator or admin."));
        }
        Account account = Account.<Account> findByIdOptional(accountId).orElseThrow(NotFoundException::new);
        if (account.role == Role.ADMIN && role != Role.ADMIN && Account.count("role", Role.ADMIN) <= 1) {
            throw new InvalidInputException(409, Map.of("role", "The site needs at least one admin."));
        }
        accounts.setRole(accountId, role);
    }
}
