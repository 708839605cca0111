package org.quillpress.account;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
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
import org.quillpress.security.Sessions;
import org.quillpress.web.InvalidInputException;

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
            List<ApiTokens.Listed> tokens, ApiTokens.Created newToken, String notice, Map<String, String> errors) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(AccountPage page);
    }

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

    @GET
    public TemplateInstance show(@RestQuery String saved) {
        return page(null, null, notice(saved), Map.of());
    }

    @POST
    @Path("profile")
    public Response saveProfile(@RestForm String displayName, @RestForm String bio, @RestForm String website) {
        AccountService.Profile profile = new AccountService.Profile(displayName, bio, website);
        try {
            accounts.updateProfile(currentUser.require().id(), profile);
            return Response.seeOther(URI.create("/account?saved=profile")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page(profile, null, null, e.errors())).build();
        }
    }

    @POST
    @Path("password")
    public Response changePassword(@RestForm String current, @RestForm String password) {
        try {
            accounts.changePassword(currentUser.require().id(), current, password);
            return Response.seeOther(URI.create("/account?saved=password")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page(null, null, null, e.errors())).build();
        }
    }

    @POST
    @Path("tokens")
    public Response createToken(@RestForm String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 80) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(null, null, null,
                    Map.of("tokenName", "Name the token (at most 80 characters), e.g. \"import script\"."))).build();
        }
        ApiTokens.Created created = tokens.create(currentUser.require().id(), label);
        return Response.ok(page(null, created, "Token created. Copy it now: it will not be shown again.", Map.of()))
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

    private TemplateInstance page(AccountService.Profile typed, ApiTokens.Created newToken, String notice,
            Map<String, String> errors) {
        Account account = Account.findById(currentUser.require().id());
        AccountService.Profile profile = typed != null ? typed
                : new AccountService.Profile(account.displayName, account.bio, account.website);
        boolean hasPassword = LoginIdentity.count("account = ?1 and provider = ?2", account, LoginIdentity.LOCAL) > 0;
        return Templates.account(new AccountPage(profile, account.email, hasPassword, tokens.list(account.id), newToken,
                notice, errors));
    }

    private static String notice(String saved) {
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "profile" -> "Your profile was saved.";
            case "password" -> "Your password was changed.";
            case "token-revoked" -> "The token was revoked.";
            default -> null;
        };
    }
}
