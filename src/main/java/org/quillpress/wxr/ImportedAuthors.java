package org.quillpress.wxr;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.quillpress.account.Account;
import org.quillpress.account.AccountService;
import org.quillpress.account.LoginIdentity;
import org.quillpress.account.Role;
import org.quillpress.wxr.ImportReport.Kind;

/** WordPress authors as author accounts here, found again by their WordPress login. */
@ApplicationScoped
class ImportedAuthors {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    void importAuthor(ImportRun run, WxrReader.Author author) {
        run.authorsListed = true;
        String login = author.login().strip();
        if (login.isEmpty()) {
            run.skipped(Kind.AUTHOR, ImportRun.words().authorOnLine(author.line()), ImportRun.words().skipNoLogin());
            return;
        }
        run.listedLogins.add(login);
        if (LoginIdentity.count("provider = ?1 and subject = ?2", WxrNames.PROVIDER, login) > 0) {
            run.skipped(Kind.AUTHOR, ImportRun.words().author(login), ImportRun.words().skipAlreadyImported());
            return;
        }
        Account account = createAuthor(login, author.displayName(), author.email());
        run.authorIds.put(login, account.id);
        run.imported(Kind.AUTHOR);
    }

    /**
     * The account of a post's author ({@code dc:creator}); the first admin when the post names none, or names
     * someone the file's author list does not hold or no login could be (a byline broken by markup or line
     * breaks), as WordPress's importer gives such posts to whoever imports them.
     */
    Account authorFor(ImportRun run, String login, String what) {
        String key = login == null ? "" : login.strip();
        if (key.isEmpty()) {
            return fallback(run);
        }
        Long id = run.authorIds.get(key);
        if (id != null) {
            // the post needs only the account's id: no query for each post, though the session forgets it
            return em.getReference(Account.class, id);
        }
        Account account = LoginIdentity.<LoginIdentity> find("provider = ?1 and subject = ?2", WxrNames.PROVIDER, key)
                .firstResultOptional().map(i -> i.account).orElse(null);
        if (account == null) {
            if (!PLAUSIBLE_LOGIN.matcher(key).matches() || run.authorsListed && !run.listedLogins.contains(key)) {
                Account fallback = fallback(run);
                run.note(ImportRun.words().noteUnknownAuthor(what, WxrText.clip(key, 80), fallback.role == Role.ADMIN,
                        fallback.displayName));
                return fallback;
            }
            // WXR 1.0 lists no authors: the post's dc:creator is all there is
            account = createAuthor(key, key, null);
            run.imported(Kind.AUTHOR);
        }
        run.authorIds.put(key, account.id);
        return account;
    }

    /**
     * Whom a post without a usable byline goes to: the site's first admin; on a site set up by a command-line import
     * (no admin yet), the first author of the file's list, else an author account "wordpress" made for them.
     */
    private Account fallback(ImportRun run) {
        Account admin = Account.<Account> find("role = ?1 order by id", Role.ADMIN).firstResult();
        if (admin != null) {
            return admin;
        }
        Long first = run.authorIds.values().stream().findFirst()
                .orElseGet(() -> run.authorIds.computeIfAbsent(WxrNames.PROVIDER, login -> {
                    run.imported(Kind.AUTHOR);
                    return LoginIdentity.<LoginIdentity> find("provider = ?1 and subject = ?2", WxrNames.PROVIDER,
                            login).firstResultOptional().map(i -> i.account)
                            .orElseGet(() -> createAuthor(login, "WordPress", null)).id;
                }));
        return Account.findById(first);
    }

    /** What WordPress accepts as a login (sanitize_user): at most 60 of letters, digits, space and _ . - @ */
    private static final Pattern PLAUSIBLE_LOGIN = Pattern.compile("[\\p{L}\\p{N} _.@-]{1,60}");

    /** The WordPress login of the imported author whose author archive was /author/{name}/, if any. */
    static Optional<String> handleForLogin(String name) {
        return LoginIdentity.<LoginIdentity> find("provider = ?1 and subject = ?2", WxrNames.PROVIDER, name)
                .firstResultOptional().map(identity -> identity.account.handle)
                .or(() -> Account.<Account> find("handle", name).firstResultOptional().map(a -> a.handle));
    }

    /**
     * An account for a WordPress author, keyed by the sign-in identity ("wordpress", login), never by email:
     * it has no password, so nobody signs in with it until an admin gives it a way to.
     */
    private Account createAuthor(String login, String displayName, String email) {
        Account account = new Account();
        String name = displayName == null || displayName.isBlank() ? login : displayName.strip();
        account.displayName = name.length() > 120 ? name.substring(0, 120) : name;
        String mail = email == null ? "" : email.strip();
        account.email = AccountService.EMAIL.matcher(mail).matches() && mail.length() <= 254 ? mail : null;
        account.handle = AccountService.uniqueHandle(login, "author");
        account.role = Role.AUTHOR;
        account.createdAt = clock.instant();
        account.persist();
        LoginIdentity identity = new LoginIdentity();
        identity.account = account;
        identity.provider = WxrNames.PROVIDER;
        identity.subject = login;
        identity.createdAt = account.createdAt;
        identity.persist();
        return account;
    }
}
