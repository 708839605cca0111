package org.quillpress.account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.quillpress.security.SessionCodec;
import org.quillpress.security.Sessions;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SafeRedirect;
import org.quillpress.web.SiteLanguage;

import io.quarkus.logging.Log;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign-in with a provider. {@code GET /login/{provider}} sends the browser to the provider; it comes back
 * through the callback, which Quarkus OIDC checks (state, code, tokens) before returning it here, where the
 * account is found or made, our own session cookie starts and the provider's short session is dropped. The
 * same return links a further provider to a signed-in account when {@code /account} asked for it.
 */
@Path("/login/{provider}")
@Produces(MediaType.TEXT_HTML)
public class SocialLoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance onTheWay(OnTheWay way);
    }

    /** The page between a form and the provider: {@code next} is this site's path that leads on to the provider. */
    public record OnTheWay(String provider, String next) {
        public String title() {
            return SiteLanguage.messages().onTheWayTitle(provider);
        }
    }

    /** Cookie holding where a sign-in started from, sealed, on the provider's paths, for ten minutes. */
    static final String RETURN_COOKIE = "qp_signin";
    /** The error the failure page gets when the callback itself failed (see {@link SignInFailures}). */
    static final String NOT_COMPLETED = "not_completed";

    /** Cookie naming the account that asked to link a provider, sealed, for ten minutes. */
    public static final String LINK_COOKIE = "qp_link";
    static final int LINK_SECONDS = 600;

    @Inject
    SocialProviders providers;

    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

    @Inject
    SessionCodec codec;

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession oidcSession;

    @Inject
    HttpAuthenticator authenticator;

    @Inject
    RoutingContext routing;

    @Inject
    Clock clock;

    @GET
    public Response signIn(@RestPath String provider, @RestQuery String then) {
        SocialProvider chosen = usable(provider);
        String target = SafeRedirect.path(then, "/");
        if (!chosen.id.equals(identity.getAttribute("tenant-id")) || !(identity.getPrincipal() instanceof JsonWebToken)) {
            return toProvider(chosen, target);
        }
        Optional<SocialProfile> profile = SocialProfile.of(chosen, identity);
        dropProviderSession();
        if (profile.isEmpty()) {
            Log.warnf("Sign-in with %s gave no usable subject: refused", chosen.label);
            return LoginResource.refusal(Response.Status.BAD_REQUEST, target, providers.label(chosen)
                    + " did not say who you are, so nothing was saved. Try again, or use another way to sign in.",
                    providers);
        }
        Optional<Long> linking = linkingAccount(chosen);
        if (linking.isPresent()) {
            clearLinkCookie();
            try {
                accounts.link(linking.get(), profile.get());
                return seeOther("/account?saved=linked");
            } catch (InvalidInputException e) {
                return seeOther("/account?refused=" + chosen.id);
            }
        }
        try {
            sessions.start(accounts.signInWith(profile.get()), routing);
        } catch (AccountService.SignInRefused refused) {
            sessions.clear(routing);
            return LoginResource.refusal(Response.Status.FORBIDDEN, "/", refused.getMessage(), providers);
        }
        return seeOther(target);
    }

    /**
     * The way on to the provider after a form: the comment form comes here once it has kept what the guest
     * typed (see {@link #onTheWay}). Only ever leads to this provider's own entry point.
     */
    @GET
    @Path("on-the-way")
    public Response continueToProvider(@RestPath String provider, @RestQuery String then) {
        SocialProvider chosen = usable(provider);
        String target = SafeRedirect.path(then, "/");
        return onTheWay(providers.label(chosen),
                "/login/" + chosen.id + "?then=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    /**
     * After a form (sign in from the comment form, link a provider from the account page) the browser goes on to
     * the provider from a page of its own, which moves on at once (meta refresh) and has a link for when it does
     * not. A redirect would not do: the Content-Security-Policy's {@code form-action 'self'} also covers the
     * redirects that follow a form submission, and browsers stop one that leads to the provider's host.
     */
    static Response onTheWay(String providerLabel, String next) {
        return Response.ok(Templates.onTheWay(new OnTheWay(providerLabel, next))).build();
    }

    /**
     * Where a sign-in that did not finish lands: the reader cancelled at the provider or it refused
     * ({@code error=access_denied} and the like, from Quarkus OIDC's error path), or the code could not be exchanged
     * ({@link #NOT_COMPLETED}). The sign-in page says so, naming the provider, and leads back to where they were; a
     * comment typed before leaving is still kept for them there.
     */
    @GET
    @Path("failed")
    public Response failed(@RestPath String provider, @RestQuery String error) {
        SocialProvider chosen = SocialProvider.byId(provider).orElseThrow(NotFoundException::new);
        String label = providers.label(chosen);
        String back = startedFrom(chosen).orElse("/");
        Cookie cookie = routing.request().getCookie(RETURN_COOKIE);
        if (cookie != null) {
            routing.response().addCookie(sessions.cookie(RETURN_COOKIE, "", routing).setPath("/login/" + chosen.id)
                    .setMaxAge(0));
        }
        String message;
        if (NOT_COMPLETED.equals(error)) {
            message = SiteLanguage.messages().loginNotConfirmed(label);
        } else if ("access_denied".equals(error)) {
            message = SiteLanguage.messages().loginCancelled(label);
        } else {
            String code = error == null || !error.matches("[a-z_]{1,40}") ? "" : " (" + error + ")";
            message = SiteLanguage.messages().loginNotCompleted(label, code);
        }
        return LoginResource.refusal(Response.Status.UNAUTHORIZED, back, message, providers);
    }

    /** The path this browser's sign-in with the provider started from, while its cookie holds. */
    private Optional<String> startedFrom(SocialProvider provider) {
        Cookie cookie = routing.request().getCookie(RETURN_COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        return codec.openClaims(cookie.getValue()).flatMap(claims -> {
            try {
                boolean fresh = claims.getClaimValue("until", Long.class) >= clock.instant().getEpochSecond();
                boolean matches = "signin".equals(claims.getClaimValue("use"))
                        && provider.id.equals(claims.getClaimValue("prov"));
                return fresh && matches ? Optional.of(SafeRedirect.path(claims.getClaimValue("then", String.class), "/"))
                        : Optional.empty();
            } catch (MalformedClaimException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Where Quarkus OIDC sends a reader the provider sent back without a sign-in. */
    static String failurePath(SocialProvider provider) {
        return "/login/" + provider.id + "/failed";
    }

    /** The callback itself reaches here only when Quarkus OIDC found no sign-in to complete: used or forged. */
    @GET
    @Path("callback")
    public Response staleCallback(@RestPath String provider) {
        SocialProvider chosen = usable(provider);
        return LoginResource.refusal(Response.Status.BAD_REQUEST, "/",
                SiteLanguage.messages().loginStale(providers.label(chosen)),
                providers);
    }

    /**
     * The sealed value of the link cookie: the next return from this provider adds it to this account. The
     * cookie lives on the provider's path only, for {@link #LINK_SECONDS} from {@code now}.
     */
    public static String linkIntent(SessionCodec codec, long accountId, SocialProvider provider, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("use", "link");
        claims.setClaim("acct", accountId);
        claims.setClaim("prov", provider.id);
        claims.setClaim("until", now.plusSeconds(LINK_SECONDS).getEpochSecond());
        return codec.sealClaims(claims);
    }

    private SocialProvider usable(String id) {
        SocialProvider provider = SocialProvider.byId(id).orElseThrow(NotFoundException::new);
        switch (providers.status(provider)) {
            case OFF -> throw new NotFoundException();
            case BROKEN -> throw new ProviderUnavailable(provider, "it is not fully set up (see the log)");
            case ON -> {
                return provider;
            }
        }
        throw new NotFoundException();
    }

    private Response toProvider(SocialProvider provider, String target) {
        ChallengeData challenge;
        try {
            challenge = authenticator.getChallenge(routing).await().atMost(java.time.Duration.ofSeconds(20));
        } catch (RuntimeException e) {
            Log.errorf("Sign-in with %s cannot start: %s", provider.label, e.getMessage());
            throw new ProviderUnavailable(provider, e.getMessage());
        }
        if (challenge == null) {
            throw new ProviderUnavailable(provider, "no redirect to the provider");
        }
        Log.debugf("Sending a reader to %s (then %s)", provider.label, target);
        // should the sign-in not finish, the failure page leads back there
        JwtClaims back = new JwtClaims();
        back.setClaim("use", "signin");
        back.setClaim("prov", provider.id);
        back.setClaim("then", target);
        back.setClaim("until", clock.instant().plusSeconds(LINK_SECONDS).getEpochSecond());
        routing.response().addCookie(sessions.cookie(RETURN_COOKIE, codec.sealClaims(back), routing)
                .setPath("/login/" + provider.id).setMaxAge(LINK_SECONDS));
        return Response.status(challenge.status).header(challenge.headerName.toString(), challenge.headerContent)
                .build();
    }

    /** The account that asked to link this provider, when its session and the link cookie agree. */
    private Optional<Long> linkingAccount(SocialProvider provider) {
        Cookie cookie = routing.request().getCookie(LINK_COOKIE);
        Cookie session = routing.request().getCookie(Sessions.COOKIE);
        if (cookie == null || session == null) {
            return Optional.empty();
        }
        Optional<Long> signedIn = codec.open(session.getValue()).map(t -> t.accountId());
        return codec.openClaims(cookie.getValue()).flatMap(claims -> {
            try {
                boolean fresh = claims.getClaimValue("until", Long.class) >= clock.instant().getEpochSecond();
                boolean matches = "link".equals(claims.getClaimValue("use"))
                        && provider.id.equals(claims.getClaimValue("prov"));
                Long account = claims.getClaimValue("acct", Long.class);
                return fresh && matches && signedIn.isPresent() && signedIn.get().equals(account) ? Optional.of(account)
                        : Optional.empty();
            } catch (MalformedClaimException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private void clearLinkCookie() {
        Cookie cookie = routing.request().getCookie(LINK_COOKIE);
        if (cookie != null) {
            routing.response().addCookie(sessions.cookie(LINK_COOKIE, "", routing).setPath(routing.normalizedPath())
                    .setMaxAge(0));
        }
    }

    /** The provider's own session was only the way here: from now on our session cookie says who is signed in. */
    private void dropProviderSession() {
        oidcSession.logout().await().atMost(java.time.Duration.ofSeconds(10));
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    @ServerExceptionMapper
    Response unavailable(ProviderUnavailable e) {
        return LoginResource.refusal(Response.Status.SERVICE_UNAVAILABLE, "/",
                SiteLanguage.messages().loginUnavailable(providers.label(e.provider)), providers);
    }

    /**
     * The callback failed in Quarkus OIDC (a tampered state or code, a code the provider refused, a token that
     * did not verify): the reader gets the sign-in page saying so, and nothing was stored.
     */
    @ServerExceptionMapper({ AuthenticationFailedException.class, AuthenticationCompletionException.class })
    Response callbackFailed(RuntimeException e) {
        String provider = routing.pathParam("provider");
        String label = SocialProvider.byId(provider == null ? "" : provider).map(providers::label)
                .orElse(SiteLanguage.messages().loginTheProvider());
        Log.warnf("Sign-in with %s failed at the callback: %s", label, e.getMessage());
        return LoginResource.refusal(Response.Status.UNAUTHORIZED, "/",
                SiteLanguage.messages().loginCallbackFailed(label), providers);
    }

    /** A provider that is configured but cannot be used now; the reader gets the sign-in page with a message. */
    public static class ProviderUnavailable extends RuntimeException {
        public final SocialProvider provider;

        ProviderUnavailable(SocialProvider provider, String why) {
            super(why, null, false, false);
            this.provider = provider;
        }
    }
}
