package org.quillpress.comment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.quillpress.security.SessionCodec;
import org.quillpress.security.Sessions;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * What a guest's browser remembers, sealed so only this server can read or change it: the details they
 * comment with (to fill the form next time) and their latest comments, so that they alone see those
 * while held and may edit them for a while.
 */
@ApplicationScoped
public class GuestCookie {

    public static final String NAME = "qp_guest";
    private static final int KEEP = 20;
    private static final Duration LIFETIME = Duration.ofDays(180);

    @Inject
    SessionCodec codec;

    @Inject
    Sessions sessions;

    /** The remembered guest. */
    public record Guest(String name, String email, String website, List<Long> commentIds) {
        public static final Guest NONE = new Guest("", "", "", List.of());
    }

    public Guest read(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(NAME);
        if (cookie == null) {
            return Guest.NONE;
        }
        Optional<JwtClaims> claims = codec.openClaims(cookie.getValue());
        if (claims.isEmpty()) {
            return Guest.NONE;
        }
        try {
            JwtClaims c = claims.get();
            List<Long> ids = new ArrayList<>();
            List<Object> raw = c.getClaimValue("ids", List.class);
            if (raw != null) {
                raw.forEach(o -> ids.add(((Number) o).longValue()));
            }
            return new Guest(c.getStringClaimValue("n"), c.getStringClaimValue("e"), c.getStringClaimValue("w"),
                    List.copyOf(ids));
        } catch (MalformedClaimException | RuntimeException e) {
            return Guest.NONE;
        }
    }

    /** Remembers the guest and adds a comment to their list. */
    public void remember(RoutingContext routing, String name, String email, String website, long commentId) {
        Guest old = read(routing);
        List<Long> ids = new ArrayList<>(old.commentIds());
        ids.add(commentId);
        if (ids.size() > KEEP) {
            ids = ids.subList(ids.size() - KEEP, ids.size());
        }
        JwtClaims claims = new JwtClaims();
        claims.setStringClaim("n", name);
        claims.setStringClaim("e", email);
        claims.setStringClaim("w", website == null ? "" : website);
        claims.setClaim("ids", ids);
        routing.response().addCookie(sessions.cookie(NAME, codec.sealClaims(claims), routing)
                .setMaxAge(LIFETIME.toSeconds()));
    }
}
