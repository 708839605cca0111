package org.quillpress.newsletter;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.security.SessionCodec;

/**
 * The keys in this package's links: a request's or a subscriber's id, signed with the site's secret for one
 * purpose, so they need no table, work on every instance and cannot be made up or turned into each other. The
 * address is never in a link. A subscriber's key dies with the subscription (ids are not reused), a request's
 * with the request.
 */
@ApplicationScoped
class ManageTokens {

    enum Purpose {
        CONFIRM("new-posts-confirm:"),
        MANAGE("new-posts-manage:");

        final String prefix;

        Purpose(String prefix) {
            this.prefix = prefix;
        }
    }

    /** Longer than any token this class makes: the id's 19 digits, a dot, a 43-character signature. */
    private static final int MAX_LENGTH = 80;

    @Inject
    SessionCodec codec;

    String token(Purpose purpose, long id) {
        return id + "." + codec.sign(purpose.prefix + id);
    }

    /** The id a well-signed token for this purpose names. */
    Optional<Long> idOf(Purpose purpose, String token) {
        int dot = token == null || token.length() > MAX_LENGTH ? -1 : token.indexOf('.');
        if (dot < 1 || dot > 19) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        if (!id.chars().allMatch(c -> c >= '0' && c <= '9')
                || !codec.verify(purpose.prefix + id, token.substring(dot + 1))) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }
}
