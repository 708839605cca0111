package org.quillpress.newsletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /subscribe/manage/{token}/unsubscribe}: RFC 8058's one-click unsubscribe from new-post mail, sent by
 * mail programs and by the manage page's button. A Vert.x route, not a REST resource, for the reason given in
 * {@code mail.OneClickUnsubscribe}: the mail program's form POST carries no CSRF token and no cookie. The signed
 * token in the address is the only authority, and all it can do is end its own subscription. The answer is the
 * outcome page itself, never a redirect.
 */
@ApplicationScoped
public class OneClickLeave {

    static final String PATH = "/subscribe/manage/:token/unsubscribe";

    @Inject
    NewPostSubscriptions subscriptions;

    void register(@Observes Router router) {
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::unsubscribe);
    }

    void unsubscribe(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        ctx.vertx().executeBlocking(() -> subscriptions.unsubscribe(token), false).onComplete(result -> {
            if (result.failed()) {
                Log.errorf(result.cause(), "One-click unsubscribe from new-post mail failed");
                ctx.fail(500, result.cause());
                return;
            }
            // an unknown token gets the manage page's 404
            ctx.reroute(HttpMethod.GET, result.result() ? "/subscribe/unsubscribed" : "/subscribe/manage/-");
        });
    }
}
