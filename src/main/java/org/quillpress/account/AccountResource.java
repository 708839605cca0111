package org.quillpress.account;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.SessionCodec;
import org.quillpress.security.Sessions;
import org.quillpress.web.AccountMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

/** The signed-in person's own page: profile, password, API tokens, sessions. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountResource {

    /** The page's data; {@code newToken} is shown once, right after it was created. */
    public record AccountPage(AccountService.Profile profile, String email, boolean hasPassword,
            List<ApiTokens.Listed> tokens, ApiTokens.Created newToken, String notice, Map<String, String> errors,
            List<LinkedIdentity> identities, List<SocialProviders.Listed> linkable, boolean notifyReplies) {
    }

    /** A way to sign in, as its owner sees it; the last one cannot be removed. */
    public record LinkedIdentity(long id, String provider, String label, String name, java.time.Instant since,
            boolean removable) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(AccountPage page);
    }

    @Inject
    SocialProviders providers;

    @Inject
    SessionCodec codec;

    @Inject
    AccountService accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    Sessions sessions;

    @Inject
    RoutingContext routing;

    @Inject
    Clock clock;

    @GET
    public TemplateInstance show(@RestQuery String saved, @RestQuery String refused) {
        Map<String, String> errors = SocialProvider.byId(refused == null ? "" : refused)
                .map(p -> Map.of("identity", SiteLanguage.messages(AccountMessages.class).acctLinkRefused(providers.label(p))))
                .orElse(Map.of());
        return page(null, null, notice(saved), errors);
    }

    @POST
    @Path("profile")
    public Response saveProfile(@BeanParam ProfileForm form) {
        AccountService.Profile profile = form.toProfile();
        try {
            accounts.updateProfile(currentUser.require().id(), profile);
            return Response.seeOther(URI.create("/account?saved=profile")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page(profile, null, null, e.errors())).build();
        }
    }

    @POST
    @Path("password")
    public Response changePassword(@BeanParam PasswordForm form) {
        try {
            accounts.changePassword(currentUser.require().id(), form.current(), form.password());
            return Response.seeOther(URI.create("/account?saved=password")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page(null, null, null, e.errors())).build();
        }
    }

    @POST
    @Path("tokens")
    public Response createToken(@BeanParam TokenForm form) {
        String label;
        try {
            label = form.label();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page(null, null, null, e.errors())).build();
        }
        ApiTokens.Created created = tokens.create(currentUser.require().id(), label);
        return Response.ok(page(null, created, SiteLanguage.messages(AccountMessages.class).acctTokenCreated(), Map.of()))
                .build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revokeToken(@RestPath long id) {
        if (!tokens.revoke(currentUser.require().id(), id)) {
            // someone else's token, or none: it does not exist for this account
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Response.seeOther(URI.create("/account?saved=token-revoked")).build();
    }

    @POST
    @Path("sessions/end")
    public Response endSessions() {
        accounts.endSessions(currentUser.require().id());
        sessions.clear(routing);
        return Response.seeOther(URI.create("/login")).build();
    }

    @POST
    @Path("identities/link")
    public Response link(@RestForm String provider) {
        SocialProvider chosen = providers.usable(provider).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        routing.response().addCookie(sessions.cookie(SocialLoginResource.LINK_COOKIE,
                SocialLoginResource.linkIntent(codec, currentUser.require().id(), chosen, clock.instant()), routing)
                .setPath("/login/" + chosen.id).setMaxAge(SocialLoginResource.LINK_SECONDS));
        return SocialLoginResource.onTheWay(providers.label(chosen), "/login/" + chosen.id);
    }

    @POST
    @Path("identities/{id}/unlink")
    public Response unlink(@RestPath long id) {
        try {
            accounts.unlink(currentUser.require().id(), id);
            return Response.seeOther(URI.create("/account?saved=unlinked")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page(null, null, null, e.errors())).build();
        }
    }

    @POST
    @Path("notifications")
    public Response saveNotifications(@RestForm String notifyReplies) {
        accounts.setNotifyReplies(currentUser.require().id(), "on".equals(notifyReplies));
        return Response.seeOther(URI.create("/account?saved=notifications")).build();
    }

    /** Everything the site holds that this person wrote or gave, as JSON. */
    @GET
    @Path("data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response download() {
        return Response.ok(accounts.export(currentUser.require().id()))
                .header("Content-Disposition", "attachment; filename=\"quillpress-my-data.json\"").build();
    }

    /** Deletes the account; the form says beforehand what happens to the comments. */
    @POST
    @Path("delete")
    public Response delete(@BeanParam DeleteAccountForm form) {
        Map<String, String> errors = form.errors();
        if (errors.isEmpty()) {
            try {
                accounts.delete(currentUser.require().id(), form.removeComments());
                sessions.clear(routing);
                return Response.seeOther(URI.create("/?account=deleted")).build();
            } catch (InvalidInputException e) {
                errors.putAll(e.errors());
            }
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(page(null, null, null, errors)).build();
    }

    private TemplateInstance page(AccountService.Profile typed, ApiTokens.Created newToken, String notice,
            Map<String, String> errors) {
        Account account = Account.findById(currentUser.require().id());
        AccountService.Profile profile = typed != null ? typed
                : new AccountService.Profile(account.displayName, account.bio, account.website);
        List<LoginIdentity> ways = LoginIdentity.listFor(account.id);
        boolean hasPassword = ways.stream().anyMatch(i -> LoginIdentity.LOCAL.equals(i.provider));
        List<LinkedIdentity> identities = ways.stream().map(i -> new LinkedIdentity(i.id, i.provider,
                LoginIdentity.LOCAL.equals(i.provider) ? SiteLanguage.messages(AccountMessages.class).acctEmailAndPassword()
                        : SocialProvider.byId(i.provider).map(providers::label).orElse(i.provider),
                LoginIdentity.LOCAL.equals(i.provider) ? i.subject : i.displayName, i.createdAt, ways.size() > 1))
                .toList();
        java.util.Set<String> linked = ways.stream().map(i -> i.provider).collect(java.util.stream.Collectors.toSet());
        List<SocialProviders.Listed> linkable = providers.enabled().stream().filter(p -> !linked.contains(p.id()))
                .toList();
        return Templates.account(new AccountPage(profile, account.email, hasPassword, tokens.list(account.id), newToken,
                notice, errors, identities, linkable, account.notifyReplies));
    }

    private static String notice(String saved) {
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "profile" -> SiteLanguage.messages(AccountMessages.class).acctSaved();
            case "password" -> SiteLanguage.messages(AccountMessages.class).acctPasswordChanged();
            case "token-revoked" -> SiteLanguage.messages(AccountMessages.class).acctTokenRevoked();
            case "linked" -> SiteLanguage.messages(AccountMessages.class).acctLinked();
            case "unlinked" -> SiteLanguage.messages(AccountMessages.class).acctUnlinked();
            case "notifications" -> SiteLanguage.messages(AccountMessages.class).acctNotificationsSaved();
            default -> null;
        };
    }
}
