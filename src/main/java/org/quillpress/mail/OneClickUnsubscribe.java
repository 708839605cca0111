package org.quillpress.mail;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quillpress.account.AccountService;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /subscriptions/{token}/unsubscribe}: RFC 8058's one-click unsubscribe, which mail programs
 * send when the reader presses their "Unsubscribe" button, and which the page behind the mail's link
 * sends too.
 * <p>
 * This is a Vert.x route rather than a REST resource because quarkus-rest-csrf checks every form POST to
 * a REST resource for its token and has no setting to exempt one path, while the mail program's POST is
 * a form ({@code List-Unsubscribe=One-Click}) that carries no token and no cookie, by the RFC's rule.
 * Exempting it is safe: the 32 random bytes of the token in the address are the only authority, nothing
 * here looks at cookies or a session, and all a forged request could do is end the subscription whose
 * token its sender already holds.
 * <p>
 * The answer is never a redirect (RFC 8058 forbids one: redirected POSTs are followed unreliably), so the
 * request is rerouted inside the server to the page that shows the outcome, which answers it directly.
 */
@ApplicationScoped
public class OneClickUnsubscribe {

    static final String PATH = "/subscriptions/:token/unsubscribe";
    static final String REPLIES_PATH = "/subscriptions/replies/:token/off";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    Subscriptions subscriptions;

    @Inject
    ReplyOptOut optOuts;

    @Inject
    AccountService accounts;

    void register(@Observes Router router) {
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::unsubscribe);
        router.post(REPLIES_PATH).handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::stopReplies);
    }

    /** The same one-click POST for a reply mail: it turns the account's reply mail off. */
    void stopReplies(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        Optional<Long> account = token == null || token.length() > 128 ? Optional.empty() : optOuts.accountOf(token);
        ctx.vertx().executeBlocking(() -> {
            account.ifPresent(id -> accounts.setNotifyReplies(id, false));
            return account.isPresent();
        }, false).onComplete(result -> {
            if (result.failed()) {
                Log.errorf(result.cause(), "One-click stop of reply mail failed");
                ctx.fail(500, result.cause());
                return;
            }
            ctx.reroute(HttpMethod.GET, result.result() ? "/subscriptions/replies/off" : "/subscriptions/replies/-/off");
        });
    }

    void unsubscribe(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        boolean wellFormed = token != null && TOKEN.matcher(token).matches();
        ctx.vertx().executeBlocking(() -> wellFormed ? subscriptions.unsubscribe(token) : Optional.<String> empty(),
                false).onComplete(result -> {
                    if (result.failed()) {
                        Log.errorf(result.cause(), "One-click unsubscribe failed");
                        ctx.fail(500, result.cause());
                        return;
                    }
                    // the pages answer GET: after an unsubscribe the outcome, for an unknown token the 404 page
                    ctx.reroute(HttpMethod.GET, result.result().map(slug -> "/subscriptions/unsubscribed?post=" + slug)
                            .orElse("/subscriptions/" + (wellFormed ? token : "-") + "/unsubscribe"));
                });
    }
}
