package org.quillpress.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives a signed-in identity the roles of its account, so that {@code @RolesAllowed} on /write, /moderation and
 * /admin (and any path policy) decides on the role stored in the database. The account was loaded by the
 * identity provider on a worker thread through the cached {@link org.quillpress.account.AccountDirectory}, so
 * this runs without blocking; a role change or ban applies within the cache's expiry on every instance, at once
 * on the one that made it. Each role includes the lower ones: {@code @RolesAllowed("AUTHOR")} admits moderators
 * and admins too.
 */
@ApplicationScoped
public class AccountRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccountPrincipal account = identity.getAttribute(AccountIdentities.ACCOUNT);
        if (account == null) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        for (Role role : Role.values()) {
            if (account.role().atLeast(role)) {
                builder.addRole(role.name());
            }
        }
        return Uni.createFrom().item(builder.build());
    }
}
