package org.quillpress.wxr;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    void importAuthor(ImportRun run, WxrReader.Author author) {
        String login = author.login().strip();
        if (login.isEmpty()) {
            run.skipped(Kind.AUTHOR, "author on line " + author.line(), "no login name");
            return;
        }
        if (LoginIdentity.count("provider = ?1 and subject = ?2", WxrNames.PROVIDER, login) > 0) {
            run.skipped(Kind.AUTHOR, "author " + login, "already imported");
            return;
        }
        Account account = createAuthor(login, author.displayName(), author.email());
        run.authorIds.put(login, account.id);
        run.imported(Kind.AUTHOR);
    }

    /** The account of a post's author ({@code dc:creator}); the first admin when the post names none. */
    Account authorFor(ImportRun run, String login) {
        String key = login == null ? "" : login.strip();
        if (key.isEmpty()) {
            return Account.<Account> find("role = ?1 order by id", Role.ADMIN).firstResult();
        }
        Long id = run.authorIds.get(key);
        if (id != null) {
            return Account.findById(id);
        }
        Account account = LoginIdentity.<LoginIdentity> find("provider = ?1 and subject = ?2", WxrNames.PROVIDER, key)
                .firstResultOptional().map(i -> i.account).orElse(null);
        if (account == null) {
            // WXR 1.0 lists no authors: the post's dc:creator is all there is
            account = createAuthor(key, key, null);
            run.imported(Kind.AUTHOR);
        }
        run.authorIds.put(key, account.id);
        return account;
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
