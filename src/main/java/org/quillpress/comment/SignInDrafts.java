package org.quillpress.comment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.security.Sessions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps what a guest typed while they sign in with a provider, so the comment form shows it again when they
 * come back. The draft is stored under a random token held in a cookie for an hour; the database keeps it so
 * that the return may reach any instance.
 */
@ApplicationScoped
public class SignInDrafts {

    public static final String COOKIE = "qp_draft";
    static final Duration KEEP = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the form showed: the text and the comment it answered. */
    public record Draft(String body, Long parentId) {
    }

    @Inject
    Sessions sessions;

    @Inject
    Clock clock;

    /** Stores the typed comment for this post; nothing is stored for a text that could not be posted. */
    @Transactional
    public void save(RoutingContext routing, long postId, Long parentId, String body) {
        if (CommentBody.problem(CommentBody.clean(body)).isPresent()) {
            return;
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        SignInDraft draft = new SignInDraft();
        draft.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        draft.postId = postId;
        draft.parentId = parentId;
        draft.body = body;
        draft.createdAt = clock.instant();
        draft.persist();
        routing.response().addCookie(sessions.cookie(COOKIE, draft.token, routing).setMaxAge(KEEP.toSeconds()));
    }

    /**
     * The draft for this post, if the visitor left one; the cookie is cleared, so it is shown once. Without the
     * cookie (nearly every page view) no transaction is begun.
     */
    public Optional<Draft> take(RoutingContext routing, long postId) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        Optional<Draft> draft = QuarkusTransaction.joiningExisting().call(() -> SignInDraft
                .find(cookie.getValue(), postId, clock.instant().minus(KEEP)).map(d -> new Draft(d.body, d.parentId)));
        if (draft.isPresent()) {
            routing.response().addCookie(sessions.cookie(COOKIE, "", routing).setMaxAge(0));
        }
        return draft;
    }

    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldDrafts() {
        SignInDraft.deleteOlderThan(clock.instant().minus(KEEP));
    }
}
