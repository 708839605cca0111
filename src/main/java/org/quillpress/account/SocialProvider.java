package org.quillpress.account;

import java.util.Arrays;
import java.util.Optional;

import io.quarkus.oidc.runtime.OidcTenantConfig.Provider;

/**
 * The providers a reader can sign in with. Each is one OIDC tenant named by {@link #id}, entered at
 * {@code /login/{id}}; {@link #subjectClaim} names the provider's stable id for a person (the OIDC {@code sub},
 * or the numeric {@code id} of OAuth2 providers that answer with user info only).
 */
public enum SocialProvider {
    GITHUB("github", "GitHub", Provider.GITHUB, "id"),
    GOOGLE("google", "Google", Provider.GOOGLE, "sub"),
    MICROSOFT("microsoft", "Microsoft", Provider.MICROSOFT, "sub"),
    FACEBOOK("facebook", "Facebook", Provider.FACEBOOK, "sub"),
    X("x", "X", Provider.X, "id"),
    APPLE("apple", "Apple", Provider.APPLE, "sub"),
    MASTODON("mastodon", "Mastodon", Provider.MASTODON, "id"),
    OIDC("oidc", "OpenID Connect", null, "sub");

    public final String id;
    public final String label;
    final Provider quarkusProvider;
    final String subjectClaim;

    SocialProvider(String id, String label, Provider quarkusProvider, String subjectClaim) {
        this.id = id;
        this.label = label;
        this.quarkusProvider = quarkusProvider;
        this.subjectClaim = subjectClaim;
    }

    public static Optional<SocialProvider> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** The environment variables that configure this provider start with this. */
    public String environmentPrefix() {
        return "QUILLPRESS_LOGIN_" + name() + "_";
    }
}
