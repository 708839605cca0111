package org.quillpress.audit;

import static org.quillpress.web.StoredWordings.wording;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quillpress.account.Role;
import org.quillpress.web.RecordMessages;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.StoredWordings;

/**
 * An audit entry's subject and change in the site's language. Entries are stored as the English phrases the
 * product writes ({@link AuditObservers}, the settings, roles, import, export and backup), so that old and new rows
 * read alike; each phrase is recognised here and worded again. A name, a title or a moderator's reason inside it is
 * shown as it was stored, and a phrase not known here is shown as it is.
 */
final class AuditWords {

    private static final StoredWordings SUBJECTS = StoredWordings.of(
            wording("account @(.*)", m -> words().subjectAccount(m.group(1))),
            wording("account #(\\d+)", m -> words().subjectAccountId(m.group(1))),
            wording("email (.*)", m -> words().subjectEmail(m.group(1))),
            wording("network (.*)", m -> words().subjectNetwork(m.group(1))),
            wording("(post|page) “(.*)” \\((.*)\\)", m -> words().subjectPost(m.group(1), m.group(2), m.group(3))),
            wording("site settings", m -> words().subjectSettings()),
            wording("reader sign-up by email", m -> words().subjectSignUp()),
            wording("WordPress import of (.*)", m -> words().subjectImport(m.group(1))),
            wording("export as (.*)", m -> words().subjectExport(m.group(1))),
            wording("backup", m -> words().subjectBackup()));

    private static final StoredWordings DETAILS = StoredWordings.of(
            wording("saved, now (\\w+)", m -> words().detailSaved(m.group(1))),
            wording("invited as (\\w+)", m -> words().detailInvited(role(m.group(1)))),
            wording("invitation revoked", m -> words().detailRevoked()),
            wording("invitation accepted, joined as (\\w+)", m -> words().detailAccepted(role(m.group(1)))),
            wording("signed up by email as (\\w+)", m -> words().detailSignedUp(role(m.group(1)))),
            wording("ban lifted", m -> words().detailBanLifted()),
            wording("banned (?:without end|until (\\S+))(?:: (.*))?",
                    m -> words().detailBanned(orEmpty(m.group(1)), orEmpty(m.group(2)))),
            wording("role (\\w+) → (\\w+)", m -> words().detailRole(role(m.group(1)), role(m.group(2)))),
            wording("opened", m -> words().detailOpened()),
            wording("closed", m -> words().detailClosed()),
            wording("started", m -> words().detailStarted()),
            wording("downloaded", m -> words().detailDownloaded()),
            wording("(.*) written on the server", m -> words().detailBackup(m.group(1))));

    /** The settings part: "title, time zone (UTC → Europe/Paris)", each setting worded on its own. */
    private static final Pattern SETTINGS = Pattern
            .compile("(title|tagline|description|posts per page|time zone|date style|language)(?: \\(([^)]*)\\))?");

    private AuditWords() {
    }

    static String subject(String stored) {
        return SUBJECTS.shown(stored);
    }

    static String detail(AuditKind kind, String stored) {
        if (kind == AuditKind.SETTINGS && stored != null) {
            String[] parts = stored.split(", ");
            List<String> shown = new java.util.ArrayList<>();
            for (String part : parts) {
                Matcher matcher = SETTINGS.matcher(part);
                if (!matcher.matches()) {
                    return DETAILS.shown(stored);
                }
                shown.add(words().detailSetting(matcher.group(1), orEmpty(matcher.group(2))));
            }
            return String.join(", ", shown);
        }
        return DETAILS.shown(stored);
    }

    static String siteActor() {
        return words().actorSite();
    }

    /** A role as stored ("author"), named in a sentence in the site's language; an unknown word stays. */
    private static String role(String code) {
        try {
            return Role.valueOf(code.toUpperCase(Locale.ROOT)).inSentence();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static String orEmpty(String group) {
        return group == null ? "" : group;
    }

    private static RecordMessages words() {
        return SiteLanguage.messages(RecordMessages.class);
    }
}
