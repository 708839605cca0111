package org.quillpress.setup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.QuillpressConfig;
import org.quillpress.account.Account;
import org.quillpress.account.AccountService;
import org.quillpress.account.Role;
import org.quillpress.bus.FirstStart;
import org.quillpress.site.SiteSetting;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * On the first start of an empty database, creates the owner from QUILLPRESS_ADMIN_EMAIL and
 * QUILLPRESS_ADMIN_PASSWORD, or else prints a one-time token for the /setup page. The token is kept in
 * the database so that every instance accepts the same one, and it is gone once the owner exists. Instances
 * starting together on an empty database do this one after another ({@link FirstStart}): the first creates the
 * owner (or the token), the others find it.
 */
@ApplicationScoped
public class OwnerBootstrap {

    static final String SETUP_TOKEN = "setup.token";

    @Inject
    QuillpressConfig config;

    @Inject
    AccountService accounts;

    @Inject
    FirstStart firstStart;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (Account.anyAdmin()) {
            return;
        }
        firstStart.lockUntilCommit();
        // another instance may have created the owner while this one waited for the lock
        if (Account.anyAdmin()) {
            return;
        }
        Optional<String> email = config.admin().email().filter(s -> !s.isBlank());
        Optional<String> password = config.admin().password().filter(s -> !s.isBlank());
        if (email.isPresent() && password.isPresent()) {
            accounts.createLocal(ownerName(email.get()), email.get(), password.get(), Role.ADMIN);
            Log.infof("Created the owner account %s from QUILLPRESS_ADMIN_EMAIL", email.get());
            return;
        }
        String token = SiteSetting.get(SETUP_TOKEN).orElseGet(() -> {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            SiteSetting.put(SETUP_TOKEN, fresh);
            return fresh;
        });
        Log.infof("No owner account yet. Open /setup and enter this one-time setup token: %s", token);
    }

    /** True while the site has no owner and the token matches. */
    @Transactional
    public boolean tokenMatches(String candidate) {
        Optional<String> token = SiteSetting.get(SETUP_TOKEN);
        return candidate != null && token.isPresent() && !Account.anyAdmin() && MessageDigest
                .isEqual(token.get().getBytes(StandardCharsets.UTF_8), candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    @Transactional
    public boolean setupOpen() {
        return !Account.anyAdmin();
    }

    /** Creates the owner and retires the token, in one transaction. */
    @Transactional
    public Account createOwner(String displayName, String email, String password) {
        Account owner = accounts.createLocal(displayName, email, password, Role.ADMIN);
        SiteSetting.deleteById(SETUP_TOKEN);
        return owner;
    }

    private static String ownerName(String email) {
        String local = email.substring(0, Math.max(0, email.indexOf('@')));
        return local.isBlank() ? "Owner" : local;
    }
}
