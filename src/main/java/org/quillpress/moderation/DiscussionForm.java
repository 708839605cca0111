package org.quillpress.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.comment.DiscussionSettings;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.ModerationMessages;

import io.quarkus.qute.TemplateData;

/**
 * The discussion rules form as typed: numbers stay text, so that what was typed comes back with its message, and a
 * ticked checkbox is "on", an unticked one absent.
 */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record DiscussionForm(
        @RestForm String threadDepth,
        @RestForm String editWindowMinutes,
        @RestForm String closeAfterDays,
        @RestForm String floodSeconds,
        @RestForm String hourlyLimit,
        @RestForm String minSecondsToWrite,
        @RestForm String linkLimit,
        @RestForm String requireApproval,
        @RestForm String requirePriorApproval,
        @RestForm String holdTerms,
        @RestForm String spamTerms,
        @RestForm String commentsPerPage) {

    /** A term list is stored in one setting of at most this many characters. */
    public static final int MAX_TERMS_TEXT = 4000;
    public static final int MAX_TERM = 100;
    public static final int MAX_THREAD_DEPTH = DiscussionSettings.Rules.MAX_DEPTH;
    public static final int MAX_EDIT_WINDOW_MINUTES = 1440;
    public static final int MAX_CLOSE_AFTER_DAYS = 36500;
    public static final int MAX_FLOOD_SECONDS = 3600;
    public static final int MAX_HOURLY_LIMIT = 1000;
    public static final int MAX_SECONDS_TO_WRITE = 60;
    public static final int MAX_LINK_LIMIT = 100;
    public static final int MIN_COMMENTS_PER_PAGE = 10;
    public static final int MAX_COMMENTS_PER_PAGE = 200;

    private static final String TICKED = "on";

    static DiscussionForm of(DiscussionSettings.Rules r) {
        return new DiscussionForm(Integer.toString(r.threadDepth()), Integer.toString(r.editWindowMinutes()),
                Integer.toString(r.closeAfterDays()), Integer.toString(r.floodSeconds()),
                Integer.toString(r.hourlyLimit()), Integer.toString(r.minSecondsToWrite()),
                Integer.toString(r.linkLimit()), r.requireApproval() ? TICKED : null,
                r.requirePriorApproval() ? TICKED : null, String.join("\n", r.holdTerms()),
                String.join("\n", r.spamTerms()), Integer.toString(r.commentsPerPage()));
    }

    /** The rules, or every field at fault with its message. */
    DiscussionSettings.Rules toRules(ModerationMessages text) {
        Map<String, String> errors = new LinkedHashMap<>();
        int depth = number(text, errors, "threadDepth", threadDepth, 1, MAX_THREAD_DEPTH);
        int window = number(text, errors, "editWindowMinutes", editWindowMinutes, 0, MAX_EDIT_WINDOW_MINUTES);
        int close = number(text, errors, "closeAfterDays", closeAfterDays, 0, MAX_CLOSE_AFTER_DAYS);
        int flood = number(text, errors, "floodSeconds", floodSeconds, 0, MAX_FLOOD_SECONDS);
        int hourly = number(text, errors, "hourlyLimit", hourlyLimit, 1, MAX_HOURLY_LIMIT);
        int minSeconds = number(text, errors, "minSecondsToWrite", minSecondsToWrite, 0, MAX_SECONDS_TO_WRITE);
        int links = number(text, errors, "linkLimit", linkLimit, 0, MAX_LINK_LIMIT);
        List<String> hold = terms(text, errors, "holdTerms", holdTerms);
        List<String> spam = terms(text, errors, "spamTerms", spamTerms);
        int perPage = number(text, errors, "commentsPerPage", commentsPerPage, MIN_COMMENTS_PER_PAGE,
                MAX_COMMENTS_PER_PAGE);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DiscussionSettings.Rules(depth, window, close, flood, hourly, minSeconds, links,
                requireApproval != null, requirePriorApproval != null, hold, spam, perPage);
    }

    private static int number(ModerationMessages messages, Map<String, String> errors, String field, String text, int min,
            int max) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, messages.discErrNumber(min, max));
        return min;
    }

    private static List<String> terms(ModerationMessages messages, Map<String, String> errors, String field, String text) {
        List<String> terms = DiscussionSettings.terms(text);
        if (terms.stream().anyMatch(t -> t.length() > MAX_TERM)) {
            errors.put(field, messages.discErrTerm(MAX_TERM));
        } else if (String.join("\n", terms).length() > MAX_TERMS_TEXT) {
            errors.put(field, messages.discErrTerms(MAX_TERMS_TEXT));
        }
        return terms;
    }
}
