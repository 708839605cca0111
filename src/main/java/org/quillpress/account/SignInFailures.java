package org.quillpress.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A sign-in that fails at the provider's callback (the code could not be exchanged: the provider is down, refused
 * the code, or the client secret changed) fails inside Quarkus OIDC, before any resource runs; by itself the reader
 * would get a bare 401. This sends them to the provider's failure page instead, which names the provider and leads
 * back to where they were (see {@link SocialLoginResource#failed}).
 */
@ApplicationScoped
public class SignInFailures {

    void register(@Observes Router router) {
        router.route("/login/:provider/callback").failureHandler(this::handle);
    }

    void handle(RoutingContext routing) {
        Throwable failure = routing.failure();
        String provider = routing.pathParam("provider");
        if (!(failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException)
                || SocialProvider.byId(provider == null ? "" : provider).isEmpty() || routing.response().headWritten()) {
            routing.next();
            return;
        }
        Log.warnf("Sign-in with %s failed at the callback: %s", provider, failure.getMessage());
        routing.response().setStatusCode(HttpResponseStatus.SEE_OTHER.code())
                .putHeader(HttpHeaderNames.LOCATION, SocialLoginResource.failurePath(SocialProvider.byId(provider).get())
                        + "?error=" + SocialLoginResource.NOT_COMPLETED)
                .end();
    }
}
