package org.quillpress.newsletter;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.security.CurrentUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * Subscribing to new posts by mail: the form, the confirmation link's page, and the manage page that every mail
 * links to by a signed token. Ending a subscription is a POST answered by {@link OneClickLeave}. No answer here is
 * cached: the form may hold a signed-in reader's address, the other pages are their token holder's alone.
 */
@Path("/subscribe")
@Produces(MediaType.TEXT_HTML)
public class SubscribeResource {

    static final String NOT_CACHED = "private, no-store";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance subscribe(FormPage page);

        static native TemplateInstance sent(long validHours);

        static native TemplateInstance confirmed(String managePath);

        static native TemplateInstance notUsable();

        static native TemplateInstance manage(FormPage page, String managePath, String unsubscribePath,
                boolean saved);

        static native TemplateInstance unsubscribed();
    }

    @Inject
    NewPostSubscriptions subscriptions;

    @Inject
    NewsletterConfig config;

    @Inject
    CurrentUser currentUser;

    @Inject
    RoutingContext routing;

    static String confirmPath(String token) {
        return "/subscribe/confirm/" + token;
    }

    static String managePath(String token) {
        return "/subscribe/manage/" + token;
    }

    static String unsubscribePath(String token) {
        return managePath(token) + "/unsubscribe";
    }

    /** The form; a signed-in reader finds their account's address in it, which only they see. */
    @GET
    public RestResponse<TemplateInstance> form() {
        Optional<Long> account = currentUser.account().map(AccountPrincipal::id);
        return privatePage(RestResponse.Status.OK, Templates.subscribe(subscriptions.freshForm(account)));
    }

    /**
     * Checks the form and asks for a confirmation by mail. The answer is the same whether the address is new,
     * waiting for a confirmation or subscribed, and whether or not a limit kept the mail back.
     */
    @POST
    public RestResponse<TemplateInstance> request(@BeanParam SubscribeForm form) {
        NewPostSubscriptions.Checked checked = subscriptions.check(form, true);
        if (checked.choice() == null) {
            return privatePage(RestResponse.Status.BAD_REQUEST,
                    Templates.subscribe(FormPage.typed(form, checked.errors())));
        }
        subscriptions.request(checked.choice(), routing.request().remoteAddress().host());
        return privatePage(RestResponse.Status.OK, Templates.sent(config.confirmFor().toHours()));
    }

    /** The confirmation mail's link: following it is the confirmation (double opt-in); it works once. */
    @GET
    @Path("confirm/{token}")
    public RestResponse<TemplateInstance> confirm(@RestPath String token) {
        return subscriptions.confirm(token)
                .map(manage -> privatePage(RestResponse.Status.OK, Templates.confirmed(managePath(manage))))
                .orElseGet(() -> privatePage(RestResponse.Status.GONE, Templates.notUsable()));
    }

    /** The page every mail links to: change what comes and how often, or stop it. */
    @GET
    @Path("manage/{token}")
    public RestResponse<TemplateInstance> manage(@RestPath String token, @RestQuery String saved) {
        FormPage page = subscriptions.manageForm(token).orElseThrow(NotFoundException::new);
        return privatePage(RestResponse.Status.OK,
                Templates.manage(page, managePath(token), unsubscribePath(token), saved != null));
    }

    /** The List-Unsubscribe address opened in a browser: the same page, whose button sends the one-click POST. */
    @GET
    @Path("manage/{token}/unsubscribe")
    public RestResponse<TemplateInstance> unsubscribePage(@RestPath String token) {
        return manage(token, null);
    }

    @POST
    @Path("manage/{token}")
    public RestResponse<TemplateInstance> change(@RestPath String token, @BeanParam SubscribeForm form) {
        NewPostSubscriptions.Checked checked = subscriptions.check(form, false);
        if (checked.choice() == null) {
            FormPage typed = FormPage.typed(form, checked.errors());
            return privatePage(RestResponse.Status.BAD_REQUEST,
                    Templates.manage(typed, managePath(token), unsubscribePath(token), false));
        }
        if (!subscriptions.change(token, checked.choice())) {
            throw new NotFoundException();
        }
        return RestResponse.ResponseBuilder.<TemplateInstance> seeOther(
                java.net.URI.create(managePath(token) + "?saved")).header("Cache-Control", NOT_CACHED).build();
    }

    /** What a successful unsubscribe answers; the one-click POST shows it without a redirect (RFC 8058). */
    @GET
    @Path("unsubscribed")
    public RestResponse<TemplateInstance> unsubscribed() {
        return privatePage(RestResponse.Status.OK, Templates.unsubscribed());
    }

    private static RestResponse<TemplateInstance> privatePage(RestResponse.Status status, TemplateInstance page) {
        return RestResponse.ResponseBuilder.create(status, page).header("Cache-Control", NOT_CACHED)
                .header("X-Robots-Tag", "noindex").build();
    }
}
