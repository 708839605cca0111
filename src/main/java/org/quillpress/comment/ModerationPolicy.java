package org.quillpress.comment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The moderation decision on a new comment: what was written, who wrote it and the site's rules give a
 * verdict, with its reasons in the words the moderation queue shows. A pure function: the caller brings
 * every fact (no database, no clock), so each rule is tested on its own in milliseconds.
 * <p>
 * In order: staff and the post's author are approved at once. Otherwise a filled hidden field, a form sent
 * too soon (or one this site did not show) and a disallowed term make spam, stored and never shown. Failing
 * that, a first comment, too many links, a moderation term or "approve everything" hold it for a person.
 */
public final class ModerationPolicy {

    private ModerationPolicy() {
    }

    /**
     * A new comment, already cleaned. {@code links} counts the links of its rendered HTML. {@code honeypot}
     * and {@code formAge} count only when it came from the site's form ({@code fromForm}); {@code formAge}
     * is empty when the form's stamp was missing or not genuine.
     */
    public record Draft(String body, int links, String name, String email, String website, String address,
            String honeypot, Optional<Duration> formAge, boolean fromForm) {
    }

    /**
     * What the site knows of the writer. {@code known} tells whether they have an approved comment already
     * (an account's, or a guest's with the same email and name); it is asked only when the verdict depends
     * on it, as it costs a query.
     */
    public record History(boolean account, boolean staff, boolean postAuthor, BooleanSupplier known) {

        /** Staff and the post's author skip every check. */
        public boolean trusted() {
            return staff || postAuthor;
        }
    }

    /** The status a new comment gets, and why: the spam reasons for spam, the hold reasons otherwise. */
    public record Verdict(CommentStatus status, List<String> reasons) {
    }

    /** Decides on a new comment. */
    public static Verdict decide(Draft draft, History writer, DiscussionSettings.Rules rules) {
        if (writer.trusted()) {
            return new Verdict(CommentStatus.APPROVED, List.of());
        }
        List<String> spam = spamReasons(draft, rules);
        if (!spam.isEmpty()) {
            return new Verdict(CommentStatus.SPAM, spam);
        }
        List<String> hold = holdReasons(draft, writer, rules);
        return new Verdict(hold.isEmpty() ? CommentStatus.APPROVED : CommentStatus.PENDING, hold);
    }

    private static List<String> spamReasons(Draft draft, DiscussionSettings.Rules rules) {
        List<String> reasons = new ArrayList<>();
        if (draft.fromForm()) {
            if (draft.honeypot() != null && !draft.honeypot().isBlank()) {
                reasons.add("filled the hidden field people leave empty");
            }
            if (draft.formAge().isEmpty()) {
                reasons.add("the form was not one this site showed");
            } else if (draft.formAge().get().toMillis() < rules.minSecondsToWrite() * 1000L) {
                reasons.add(String.format(Locale.ROOT, "posted %.1f s after the form was shown (minimum %d s)",
                        draft.formAge().get().toMillis() / 1000.0, rules.minSecondsToWrite()));
            }
        }
        reasons.addAll(matchedTerms(rules.spamTerms(), "disallowed", draft));
        return reasons;
    }

    private static List<String> holdReasons(Draft draft, History writer, DiscussionSettings.Rules rules) {
        List<String> reasons = new ArrayList<>();
        if (rules.requirePriorApproval() && !writer.known().getAsBoolean()) {
            reasons.add(writer.account() ? "first comment from this account" : "first comment from this email");
        }
        if (rules.linkLimit() > 0 && draft.links() >= rules.linkLimit()) {
            reasons.add(draft.links() + " links (limit " + rules.linkLimit() + ")");
        }
        reasons.addAll(matchedTerms(rules.holdTerms(), "moderation", draft));
        if (rules.requireApproval()) {
            reasons.add("every comment must be approved");
        }
        return reasons;
    }

    /** One reason per term found, naming the first field it is in; terms are lower-case already. */
    private static List<String> matchedTerms(List<String> terms, String list, Draft draft) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", draft.body());
        fields.put("name", draft.name());
        fields.put("email", draft.email());
        fields.put("website", draft.website());
        fields.put("address", draft.address());
        List<String> reasons = new ArrayList<>();
        for (String term : terms) {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (field.getValue() != null && field.getValue().toLowerCase(Locale.ROOT).contains(term)) {
                    reasons.add("matched " + list + " term '" + term + "' in " + field.getKey());
                    break;
                }
            }
        }
        return reasons;
    }
}
