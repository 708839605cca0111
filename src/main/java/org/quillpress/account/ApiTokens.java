package org.quillpress.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Creates, lists, revokes and checks personal access tokens. */
@ApplicationScoped
public class ApiTokens {

    @Inject
    Bans bans;

    @Inject
    Clock clock;

    private static final Duration TOUCH_EVERY = Duration.ofHours(1);

    /** A token just created: the secret is shown once and never again. */
    public record Created(long id, String name, String secret) {
    }

    /** A token as its owner sees it in the list. */
    public record Listed(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    @Transactional
    public Created create(long accountId, String name) {
        ApiToken token = new ApiToken();
        token.account = Account.findById(accountId);
        token.name = name;
        String secret = ApiToken.newSecret();
        token.tokenHash = ApiToken.hash(secret);
        token.createdAt = clock.instant();
        token.persist();
        return new Created(token.id, name, secret);
    }

    @Transactional
    public List<Listed> list(long accountId) {
        return ApiToken.listFor(Account.findById(accountId)).stream()
                .map(t -> new Listed(t.id, t.name, t.createdAt, t.lastUsedAt)).toList();
    }

    /** Revokes one of the account's own tokens; someone else's token is left alone. */
    @Transactional
    public boolean revoke(long accountId, long tokenId) {
        return ApiToken.delete("id = ?1 and account.id = ?2", tokenId, accountId) > 0;
    }

    /** The account a token belongs to, noting (at most hourly) that it was used. */
    @Transactional
    public Optional<AccountPrincipal> authenticate(String secret) {
        return ApiToken.findBySecret(secret).filter(token -> bans.activeAccountBan(token.account.id).isEmpty())
                .map(token -> {
                    Instant now = clock.instant();
                    if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(TOUCH_EVERY))) {
                        token.lastUsedAt = now;
                    }
                    return AccountPrincipal.of(token.account);
                });
    }
}
