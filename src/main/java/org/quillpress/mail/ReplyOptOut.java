package org.quillpress.mail;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.security.SessionCodec;

/**
 * The key in a reply mail's "stop these mails" link: the account's id signed with the site's secret, so the
 * link needs no table and works on every instance. It can only turn that account's reply mail off.
 */
@ApplicationScoped
class ReplyOptOut {

    private static final String PURPOSE = "reply-mail:";

    @Inject
    SessionCodec codec;

    String token(long accountId) {
        return accountId + "." + codec.sign(PURPOSE + accountId);
    }

    /** The account a well-signed token names. */
    Optional<Long> accountOf(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || dot > 19) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        if (!id.chars().allMatch(Character::isDigit) || !codec.verify(PURPOSE + id, token.substring(dot + 1))) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }
}
