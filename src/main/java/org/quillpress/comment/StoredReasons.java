package org.quillpress.comment;

import static org.quillpress.web.StoredWordings.wording;

import java.text.NumberFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quillpress.web.RecordMessages;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.StoredWordings;

/**
 * Why a comment was held or let through, and the other notes of its moderation trail, shown in the site's language.
 * {@link ModerationPolicy} and the moderation pages store these notes as English sentences (in rows written long
 * before the site spoke another language too); a sentence the product writes is recognised here and worded again,
 * and anything else (a moderator's own reason) is shown as it was typed.
 */
public final class StoredReasons {

    private static final StoredWordings WORDINGS = StoredWordings.of(
            wording("filled the hidden field people leave empty", m -> words().reasonHoneypot()),
            wording("the form was not one this site showed", m -> words().reasonForeignForm()),
            wording("posted (\\d+)\\.(\\d) s after the form was shown \\(minimum (\\d+) s\\)",
                    m -> words().reasonTooFast(decimal(m.group(1), m.group(2)), m.group(3))),
            wording("matched (disallowed|moderation) term '(.*)' in (body|name|email|website|address)",
                    m -> words().reasonTerm(m.group(1), m.group(2), m.group(3))),
            wording("first comment from this account", m -> words().reasonFirstFromAccount()),
            wording("first comment from this email", m -> words().reasonFirstFromEmail()),
            wording("(\\d+) links \\(limit (\\d+)\\)", m -> words().reasonLinks(m.group(1), m.group(2))),
            wording("every comment must be approved", m -> words().reasonApproveAll()),
            wording("staff or the post's author", m -> words().reasonTrusted()),
            wording("known writer", m -> words().reasonKnownWriter()),
            wording("(account #\\d+|email \\S+|network \\S+) (?:without end|for (\\d+) days)(?:: (.*))?",
                    m -> words().reasonBan(subject(m.group(1)), m.group(2) == null ? "" : m.group(2),
                            m.group(3) == null ? "" : m.group(3))),
            wording("reply #(\\d+)", m -> words().reasonReply(m.group(1))),
            wording("comment #(\\d+) by (.*) on (\\S+)", m -> words().reasonDeleted(m.group(1), m.group(2), m.group(3))));

    private static final Pattern SUBJECT = Pattern.compile("(account #|email |network )(.*)", Pattern.DOTALL);

    private StoredReasons() {
    }

    /** One stored note in the site's language; null stays null. */
    public static String shown(String stored) {
        return WORDINGS.shown(stored);
    }

    /** The notes the pipeline stores one per line, each in the site's language. */
    public static List<String> lines(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return List.of(stored.split("\n")).stream().map(String::strip).filter(r -> !r.isEmpty())
                .map(StoredReasons::shown).toList();
    }

    /** What a ban named, as its audit entry stored it ("email bob@example.org"). */
    private static String subject(String stored) {
        Matcher matcher = SUBJECT.matcher(stored);
        if (!matcher.matches()) {
            return stored;
        }
        return switch (matcher.group(1)) {
            case "account #" -> words().subjectAccountId(matcher.group(2));
            case "email " -> words().subjectEmail(matcher.group(2));
            default -> words().subjectNetwork(matcher.group(2));
        };
    }

    /** "2.5" as the site's language writes it ("2,5" in German). */
    private static String decimal(String whole, String tenth) {
        NumberFormat format = NumberFormat.getNumberInstance(SiteLanguage.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(Double.parseDouble(whole + "." + tenth));
    }

    private static RecordMessages words() {
        return SiteLanguage.messages(RecordMessages.class);
    }
}
