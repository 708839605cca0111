package org.quillpress.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;

/**
 * Looks up who a session belongs to. Runs on every signed-in request, so it is cached; the cache
 * entries expire after a short time (see application.properties) so that a role change or a ban made
 * on another instance takes effect here too.
 */
@ApplicationScoped
public class AccountDirectory {

    public static final String CACHE = "account-principal";

    @Inject
    Bans bans;

    /** The account, unless it is gone or banned: a banned account's sessions and tokens no longer hold. */
    @CacheResult(cacheName = CACHE)
    @Transactional
    public Optional<AccountPrincipal> find(@CacheKey long accountId) {
        return Account.<Account> findByIdOptional(accountId).filter(a -> bans.activeAccountBan(a.id).isEmpty())
                .map(AccountPrincipal::of);
    }

    /** Forget a cached account after it changed. */
    @CacheInvalidate(cacheName = CACHE)
    public void forget(@CacheKey long accountId) {
        // the annotation does the work
    }
}
