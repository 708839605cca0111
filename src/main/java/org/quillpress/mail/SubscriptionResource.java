package org.quillpress.mail;

import java.time.Clock;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.quillpress.post.Post;
import org.quillpress.web.Paths;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The pages behind the links in mail: confirming a guest's subscription, and the page that offers to end
 * one. Ending it is a POST, answered by {@link OneClickUnsubscribe}. Every answer here is private to the
 * token's holder: never cached, never indexed.
 */
@Path("/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionResource {

    static final String NOT_CACHED = "private, no-store";

    /** The post a subscription belongs to, as the pages show it. */
    public record PostLink(String title, String path) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirmed(PostLink post);

        static native TemplateInstance unsubscribe(String token, PostLink post);

        static native TemplateInstance unsubscribed(PostLink post);

        static native TemplateInstance stopReplies(String token);

        static native TemplateInstance repliesStopped();
    }

    @Inject
    Subscriptions subscriptions;

    @Inject
    ReplyOptOut optOuts;

    @Inject
    Clock clock;

    /**
     * The link in the confirmation mail: following it is the confirmation (double opt-in), and following
     * it again changes nothing.
     */
    @GET
    @Path("{token}/confirm")
    public RestResponse<TemplateInstance> confirm(@RestPath String token) {
        Subscription subscription = subscriptions.confirm(token).orElseThrow(NotFoundException::new);
        return privatePage(Templates.confirmed(link(subscription.post)));
    }

    /** Offers to end the subscription; only the form's POST ends it, so a link checker changes nothing. */
    @GET
    @Path("{token}/unsubscribe")
    public RestResponse<TemplateInstance> unsubscribePage(@RestPath String token) {
        Subscription subscription = subscriptions.find(token).orElseThrow(NotFoundException::new);
        return privatePage(Templates.unsubscribe(token, link(subscription.post)));
    }

    /** What a successful unsubscribe answers; the POST handler shows it without a redirect (RFC 8058). */
    @GET
    @Path("unsubscribed")
    public RestResponse<TemplateInstance> unsubscribed(@RestQuery String post) {
        PostLink link = post == null ? null
                : Post.findBySlug(post)
                        .filter(p -> p.isVisibleAt(clock.instant())).map(SubscriptionResource::link).orElse(null);
        return privatePage(Templates.unsubscribed(link));
    }

    /** Offers to turn reply mail off; the form's POST (or a mail program's one-click POST) does it. */
    @GET
    @Path("replies/{token}/off")
    public RestResponse<TemplateInstance> stopRepliesPage(@RestPath String token) {
        optOuts.accountOf(token).orElseThrow(NotFoundException::new);
        return privatePage(Templates.stopReplies(token));
    }

    /** What turning reply mail off answers, shown without a redirect (RFC 8058). */
    @GET
    @Path("replies/off")
    public RestResponse<TemplateInstance> repliesStopped() {
        return privatePage(Templates.repliesStopped());
    }

    private static PostLink link(Post post) {
        return new PostLink(post.title, Paths.post(post.slug));
    }

    private static RestResponse<TemplateInstance> privatePage(TemplateInstance page) {
        return RestResponse.ResponseBuilder.ok(page).header("Cache-Control", NOT_CACHED)
                .header("X-Robots-Tag", "noindex").build();
    }
}
