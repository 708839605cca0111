package org.quillpress.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The "known device" cookie: set when an email signs in with its password, signed for that email, so that the
 * owner's own browser is never refused by the limits a stranger's guessing filled ({@link LoginThrottle}). It
 * holds a random device id and a signature over the email, never the email itself, and proves nothing but "this
 * browser signed in as this email before": the password is still checked.
 */
@ApplicationScoped
public class KnownDevices {

    public static final String COOKIE = "qp_device";

    static final Duration LIFETIME = Duration.ofDays(365);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SessionCodec codec;

    @Inject
    Sessions sessions;

    /** The device id when the request carries a known-device cookie signed for {@code email}, or null. */
    public String device(RoutingContext routing, String email) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie == null || email == null) {
            return null;
        }
        String[] parts = cookie.getValue().split("\\.", 2);
        if (parts.length != 2 || parts[0].isEmpty()) {
            return null;
        }
        byte[] expected = codec.sign(payload(parts[0], email)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] given = parts[1].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? parts[0] : null;
    }

    /** Marks this browser as one {@code email} signed in from, keeping its device id if it had one. */
    public void remember(RoutingContext routing, String email) {
        Cookie old = routing.request().getCookie(COOKIE);
        String id = old == null ? null : old.getValue().split("\\.", 2)[0];
        if (id == null || !id.matches("[A-Za-z0-9_-]{22}")) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        routing.response().addCookie(sessions.cookie(COOKIE, id + "." + codec.sign(payload(id, email)), routing)
                .setMaxAge(LIFETIME.toSeconds()));
    }

    private static String payload(String device, String email) {
        return "device|" + device + "|" + email.strip().toLowerCase(Locale.ROOT);
    }
}
