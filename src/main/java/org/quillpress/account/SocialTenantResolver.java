package org.quillpress.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Picks the OIDC tenant from the path: {@code /login/{provider}} and its callback. Everywhere else, and for a
 * provider that is off, no tenant: the default one is disabled, so OIDC stays out of the way and the
 * session cookie of {@code security.SessionAuthenticationMechanism} decides who is signed in.
 */
@ApplicationScoped
public class SocialTenantResolver implements TenantConfigResolver {

    private static final String PREFIX = "/login/";

    @Inject
    SocialProviders providers;

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        String path = context.normalizedPath();
        if (!path.startsWith(PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        if (slash >= 0 && !rest.substring(slash).equals("/callback")) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(SocialProvider.byId(id).flatMap(providers::tenant).orElse(null));
    }
}
