package org.quillpress.account;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quillpress.QuillpressConfig;
import org.quillpress.QuillpressConfig.Login;
import org.quillpress.security.SessionCodec;

import io.quarkus.logging.Log;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.runtime.StartupEvent;

/**
 * Which sign-in providers are switched on, and the OIDC tenant of each. A provider is on when its client id
 * is set; one that is set up only in part (no secret, no issuer URL, an unreadable key) is reported in the log
 * at start-up and answers its entry point with a friendly "not available" page, never a stack trace.
 */
@ApplicationScoped
public class SocialProviders {

    /** A provider as the sign-in page lists it. */
    public record Listed(String id, String label) {
    }

    /** The state of one provider: usable, or configured with a problem worth a log line. */
    public enum Status {
        OFF,
        BROKEN,
        ON
    }

    @Inject
    QuillpressConfig config;

    @Inject
    SessionCodec codec;

    private final Map<SocialProvider, OidcTenantConfig> tenants = new EnumMap<>(SocialProvider.class);

    /** What is wrong with each provider that is set up in part; the settings do not change while running. */
    private final Map<SocialProvider, String> problems = new EnumMap<>(SocialProvider.class);

    private final Map<SocialProvider, Status> statuses = new EnumMap<>(SocialProvider.class);

    /** The providers to offer, in a stable order: read on every page with a comment form. */
    private List<Listed> enabled = List.of();

    @PostConstruct
    void read() {
        List<Listed> listed = new ArrayList<>();
        for (SocialProvider provider : SocialProvider.values()) {
            Optional<String> problem = clientId(provider).isEmpty() ? Optional.empty() : problem(provider);
            problem.ifPresent(p -> problems.put(provider, p));
            Status status = clientId(provider).isEmpty() ? Status.OFF : problem.isPresent() ? Status.BROKEN : Status.ON;
            statuses.put(provider, status);
            if (status == Status.ON) {
                listed.add(new Listed(provider.id, label(provider)));
            }
        }
        enabled = List.copyOf(listed);
    }

    void report(@Observes StartupEvent event) {
        for (SocialProvider provider : SocialProvider.values()) {
            if (problems.containsKey(provider)) {
                Log.errorf("Sign-in with %s is switched off: %s", label(provider), problems.get(provider));
            } else if (statuses.get(provider) == Status.ON) {
                Log.infof("Sign-in with %s is on (callback %s)", label(provider), callbackPath(provider));
            }
        }
    }

    public Status status(SocialProvider provider) {
        return statuses.get(provider);
    }

    /** The provider with this id when it is on. */
    public Optional<SocialProvider> usable(String id) {
        return SocialProvider.byId(id == null ? "" : id).filter(p -> status(p) == Status.ON);
    }

    public List<Listed> enabled() {
        return enabled;
    }

    /** The name for a provider id as stored on an identity or a comment; null for none or an unknown one. */
    public String labelOf(String id) {
        return id == null ? null : SocialProvider.byId(id).map(this::label).orElse(null);
    }

    /** The name people know the provider by; a generic provider may be given one (e.g. "Company login"). */
    public String label(SocialProvider provider) {
        if (provider == SocialProvider.OIDC) {
            return config.login().oidc().name().filter(n -> !n.isBlank()).orElse(provider.label);
        }
        return provider.label;
    }

    /** Where the provider sends the browser back to, to register at the provider (after the site URL). */
    public static String callbackPath(SocialProvider provider) {
        return "/login/" + provider.id + "/callback";
    }

    /** The OIDC tenant of a provider that is on, built once: the same object for every request. */
    public synchronized Optional<OidcTenantConfig> tenant(SocialProvider provider) {
        if (status(provider) != Status.ON) {
            return Optional.empty();
        }
        return Optional.of(tenants.computeIfAbsent(provider, this::build));
    }

    private OidcTenantConfig build(SocialProvider provider) {
        var builder = OidcTenantConfig.builder().tenantId(provider.id).clientId(clientId(provider).get());
        if (provider.quarkusProvider != null) {
            builder.provider(provider.quarkusProvider);
        } else {
            builder.applicationType(ApplicationType.WEB_APP);
            builder.authentication().scopes("email", "profile").end();
        }
        if (provider == SocialProvider.APPLE) {
            Login.Apple apple = config.login().apple();
            builder.credentials().jwt().keyFile(apple.keyFile().get()).tokenKeyId(apple.keyId().get())
                    .issuer(apple.teamId().get()).subject(apple.clientId().get()).end().end();
        } else {
            Login.Provider settings = settings(provider);
            builder.credentials(settings.clientSecret().get());
            settings.url().ifPresent(builder::authServerUrl);
            settings.authorizationPath().ifPresent(builder::authorizationPath);
            settings.tokenPath().ifPresent(builder::tokenPath);
            settings.userInfoPath().ifPresent(builder::userInfoPath);
        }
        builder.authentication()
                .redirectPath(callbackPath(provider))
                // back to /login/{id}?… after the callback, where the account is found and our own session starts
                .restorePathAfterRedirect(true)
                // a path of its own: Quarkus adds the provider's error with a "?" of its own
                .errorPath(SocialLoginResource.failurePath(provider))
                // PKCE binds the code to this browser's sign-in; the verifier, like the path to return to, travels
                // encrypted with the state secret in the state cookie
                .pkceRequired(true)
                .stateSecret(codec.derivedSecret("oidc-state"))
                .end();
        builder.tokenStateManager().encryptionSecret(codec.derivedSecret("oidc-tokens")).end();
        return builder.build();
    }

    private Optional<String> problem(SocialProvider provider) {
        String prefix = provider.environmentPrefix();
        if (provider == SocialProvider.APPLE) {
            Login.Apple apple = config.login().apple();
            if (apple.teamId().isEmpty() || apple.keyId().isEmpty() || apple.keyFile().isEmpty()) {
                return Optional.of(prefix + "TEAM_ID, " + prefix + "KEY_ID and " + prefix + "KEY_FILE must all be set");
            }
            if (!Files.isReadable(Path.of(apple.keyFile().get()))) {
                return Optional.of("the key file " + apple.keyFile().get() + " (" + prefix + "KEY_FILE) cannot be read");
            }
            return Optional.empty();
        }
        Login.Provider settings = settings(provider);
        if (settings.clientSecret().filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.of(prefix + "CLIENT_SECRET is not set");
        }
        if (provider == SocialProvider.OIDC && settings.url().filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.of(prefix + "URL (the provider's issuer URL) is not set");
        }
        return Optional.empty();
    }

    private Optional<String> clientId(SocialProvider provider) {
        Optional<String> id = provider == SocialProvider.APPLE ? config.login().apple().clientId()
                : settings(provider).clientId();
        return id.filter(s -> !s.isBlank());
    }

    private Login.Provider settings(SocialProvider provider) {
        Login login = config.login();
        return switch (provider) {
            case GITHUB -> login.github();
            case GOOGLE -> login.google();
            case MICROSOFT -> login.microsoft();
            case FACEBOOK -> login.facebook();
            case X -> login.x();
            case MASTODON -> login.mastodon();
            case OIDC -> login.oidc();
            case APPLE -> throw new IllegalArgumentException("Apple has its own settings");
        };
    }
}
