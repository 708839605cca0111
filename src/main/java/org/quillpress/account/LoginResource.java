package org.quillpress.account;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.KnownDevices;
import org.quillpress.security.LoginThrottle;
import org.quillpress.security.Sessions;
import org.quillpress.security.TwoFactorCodes;
import org.quillpress.web.SafeRedirect;
import org.quillpress.web.SiteLanguage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** Sign-in with email and password, and sign-out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    /** The sign-in page: providers first, then the email and password form. */
    public record LoginPage(String email, String redirect, String error, List<SocialProviders.Listed> providers) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(LoginPage page);

        static native TemplateInstance twoFactor(String redirect, String error);
    }

    @Inject
    SocialProviders providers;

    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    KnownDevices devices;

    @Inject
    TwoFactorCodes secondFactor;

    @Inject
    CurrentUser currentUser;

    @Inject
    RoutingContext routing;

    @GET
    @Path("login")
    public Response form(@RestQuery String redirect, @RestQuery String failed, @RestQuery String error) {
        String target = SafeRedirect.path(redirect, "/");
        if (failed != null) {
            // a provider sent the reader back without a sign-in (they cancelled, or it refused)
            String label = SocialProvider.byId(failed).map(providers::label)
                    .orElse(SiteLanguage.messages().loginTheProvider());
            String code = error == null || !error.matches("[a-z_]{1,40}") ? "" : " (" + error + ")";
            return refusal(Response.Status.UNAUTHORIZED, target, SiteLanguage.messages().loginNotCompleted(label, code),
                    providers);
        }
        if (currentUser.account().isPresent()) {
            return Response.seeOther(URI.create(target)).build();
        }
        return Response.ok(page("", target, null)).build();
    }

    /** The sign-in page with a message saying why a sign-in did not happen. */
    static Response refusal(Response.Status status, String redirect, String message, SocialProviders providers) {
        return Response.status(status)
                .entity(Templates.login(new LoginPage("", redirect, message, providers.enabled()))).build();
    }

    private TemplateInstance page(String email, String redirect, String error) {
        return Templates.login(new LoginPage(email, redirect, error, providers.enabled()));
    }

    @POST
    @Path("login")
    public Response signIn(@BeanParam LoginForm form) {
        String email = form.email();
        String target = SafeRedirect.path(form.redirect(), "/");
        String address = routing.request().remoteAddress().host();
        String device = devices.device(routing, email);
        long wait = throttle.admit(address, email, device);
        if (wait > 0) {
            return Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", wait)
                    .entity(page(email, target, SiteLanguage.messages().loginThrottled(minutes(wait))))
                    .build();
        }
        Optional<AccountPrincipal> account;
        try {
            account = accounts.checkPassword(email, form.password());
        } catch (AccountService.SignInRefused refused) {
            return Response.status(Response.Status.FORBIDDEN).entity(page(email, target, refused.getMessage())).build();
        }
        return account.map(a -> {
            devices.remember(routing, email);
            if (secondFactor.enabled(a.id())) {
                // the password was right; the session waits for the authenticator's code
                secondFactor.startPending(a, routing);
                return Response.seeOther(URI.create(SECOND_STEP + "?redirect="
                        + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8))).build();
            }
            sessions.start(a, routing);
            return Response.seeOther(URI.create(target)).build();
        }).orElseGet(() -> {
            throttle.recordFailure(address, email, device);
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(page(email, target, SiteLanguage.messages().loginWrong())).build();
        });
    }

    /** The second step of a password sign-in for an account with two-factor sign-in on. */
    static final String SECOND_STEP = "/two-factor";

    @GET
    @Path("two-factor")
    public Response secondStepPage(@RestQuery String redirect) {
        String target = SafeRedirect.path(redirect, "/");
        if (secondFactor.pending(routing).isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Response.ok(Templates.twoFactor(target, null)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("two-factor")
    public Response secondStep(@RestForm String code, @RestForm String redirect) {
        String target = SafeRedirect.path(redirect, "/");
        Optional<AccountPrincipal> pending = secondFactor.pending(routing);
        if (pending.isEmpty()) {
            return refusal(Response.Status.UNAUTHORIZED, target,
                    SiteLanguage.messages().loginCodeExpired(), providers);
        }
        String address = routing.request().remoteAddress().host();
        // the codes are guessed as slowly as passwords: the same limits, counted per account
        String key = "second-factor:" + pending.get().id();
        long wait = throttle.admit(address, key, null);
        if (wait > 0) {
            return Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", wait)
                    .entity(Templates.twoFactor(target, SiteLanguage.messages().loginCodeThrottled(minutes(wait))))
                    .build();
        }
        if (!secondFactor.verify(pending.get().id(), code)) {
            throttle.recordFailure(address, key, null);
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.twoFactor(target, SiteLanguage.messages().loginCodeWrong())).build();
        }
        secondFactor.clearPending(routing);
        sessions.start(pending.get(), routing);
        return Response.seeOther(URI.create(target)).build();
    }

    @POST
    @Path("logout")
    public Response signOut() {
        sessions.end(routing);
        return Response.seeOther(URI.create("/")).build();
    }

    private static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }

}
