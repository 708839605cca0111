package org.quillpress.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.bus.Area;
import org.quillpress.bus.ChangeBus;
import org.quillpress.bus.RemoteChange;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;

/**
 * Looks up who a session belongs to. Runs on every signed-in request, so it is cached. A change forgets the
 * account here and, through the {@link ChangeBus}, on every other instance; the entries also expire after a short
 * time (see application.properties), should such a message be lost.
 */
@ApplicationScoped
public class AccountDirectory {

    public static final String CACHE = "account-principal";

    @Inject
    Bans bans;

    @Inject
    ChangeBus bus;

    @Inject
    @CacheName(CACHE)
    Cache cache;

    /** The account, unless it is gone or banned: a banned account's sessions and tokens no longer hold. */
    @CacheResult(cacheName = CACHE)
    @Transactional
    public Optional<AccountPrincipal> find(@CacheKey long accountId) {
        return Account.<Account> findByIdOptional(accountId).filter(a -> bans.activeAccountBan(a.id).isEmpty())
                .map(AccountPrincipal::of);
    }

    /** Forget a cached account after it changed, here and (once the change has committed) on other instances. */
    @CacheInvalidate(cacheName = CACHE)
    public void forget(@CacheKey long accountId) {
        bus.publish(Area.ACCOUNT, Long.toString(accountId));
    }

    void onRemoteChange(@Observes RemoteChange change) {
        if (change.area() != Area.ACCOUNT) {
            return;
        }
        if (change.key() == null) {
            cache.invalidateAll().await().indefinitely();
            return;
        }
        try {
            cache.invalidate(Long.parseLong(change.key())).await().indefinitely();
        } catch (NumberFormatException e) {
            cache.invalidateAll().await().indefinitely();
        }
    }
}
