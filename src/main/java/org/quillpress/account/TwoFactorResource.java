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
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.TwoFactorCodes;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.AccountMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Turning two-factor sign-in (an authenticator app, with recovery codes) on and off, for accounts with a password. */
@Path("/account/two-factor")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TwoFactorResource {

    /** What the page shows: the state, a set-up in progress, or the recovery codes just made. */
    public record TwoFactorPage(boolean enabled, long recoveryCodesLeft, TwoFactorCodes.Setup setup,
            List<String> recoveryCodes, Map<String, String> errors, String notice) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance twoFactor(TwoFactorPage page);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TwoFactorCodes codes;

    @Inject
    SiteSettings site;

    @GET
    public Response page(@RestQuery String saved) {
        long id = requirePassword();
        return page(Response.ok(),
                state(id, "off".equals(saved) ? SiteLanguage.messages(AccountMessages.class).tfIsOff() : null));
    }

    @POST
    @Path("setup")
    public Response setup() {
        long id = requirePassword();
        TwoFactorCodes.Setup setup = codes.begin(id, label(id), site.current().title());
        return page(Response.ok(), new TwoFactorPage(false, 0, setup, null, Map.of(), null));
    }

    @POST
    @Path("enable")
    public Response enable(@RestForm String code) {
        long id = requirePassword();
        try {
            List<String> recovery = codes.enable(id, code);
            return page(Response.ok(), new TwoFactorPage(true, recovery.size(), null, recovery, Map.of(),
                    SiteLanguage.messages(AccountMessages.class).tfIsOn()));
        } catch (InvalidInputException e) {
            return page(Response.status(e.status()), new TwoFactorPage(false, 0,
                    codes.current(id, label(id), site.current().title()), null, e.errors(), null));
        }
    }

    @POST
    @Path("disable")
    public Response disable(@RestForm String code) {
        long id = requirePassword();
        try {
            codes.disable(id, code);
            return Response.seeOther(URI.create("/account/two-factor?saved=off")).build();
        } catch (InvalidInputException e) {
            return page(Response.status(e.status()), new TwoFactorPage(true, codes.recoveryCodesLeft(id), null, null,
                    e.errors(), null));
        }
    }

    private TwoFactorPage state(long id, String notice) {
        boolean on = codes.enabled(id);
        return new TwoFactorPage(on, on ? codes.recoveryCodesLeft(id) : 0, null, null, Map.of(), notice);
    }

    /** The codes only guard the password sign-in: an account without a password has nothing to add them to. */
    long requirePassword() {
        long id = currentUser.require().id();
        if (LoginIdentity.count("account.id = ?1 and provider = ?2", id, LoginIdentity.LOCAL) == 0) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return id;
    }

    String label(long id) {
        Account account = Account.findById(id);
        return account.email == null ? account.handle : account.email;
    }

    private static Response page(Response.ResponseBuilder response, TwoFactorPage page) {
        // the secret and the recovery codes must not stay in any cache
        return response.entity(Templates.twoFactor(page)).header("Cache-Control", "no-store").build();
    }
}
