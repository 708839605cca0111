package org.quillpress.moderation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.account.Role;
import org.quillpress.comment.DiscussionSettings;
import org.quillpress.web.InvalidInputException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin page for the discussion rules: every step of the comment pipeline, and the term lists. */
@Path("/admin/discussion")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class DiscussionSettingsResource {

    /** A term list is stored in one setting of at most this many characters. */
    static final int MAX_TERMS_TEXT = 4000;
    static final int MAX_TERM = 100;

    /** The rules form as typed: numbers stay text, so that what was typed comes back with its message. */
    public record Form(String threadDepth, String editWindowMinutes, String closeAfterDays, String floodSeconds,
            String hourlyLimit, String minSecondsToWrite, String linkLimit, boolean requireApproval,
            boolean requirePriorApproval, String holdTerms, String spamTerms, String commentsPerPage) {

        static Form of(DiscussionSettings.Rules r) {
            return new Form(Integer.toString(r.threadDepth()), Integer.toString(r.editWindowMinutes()),
                    Integer.toString(r.closeAfterDays()), Integer.toString(r.floodSeconds()),
                    Integer.toString(r.hourlyLimit()), Integer.toString(r.minSecondsToWrite()),
                    Integer.toString(r.linkLimit()), r.requireApproval(), r.requirePriorApproval(),
                    String.join("\n", r.holdTerms()), String.join("\n", r.spamTerms()),
                    Integer.toString(r.commentsPerPage()));
        }

        /** The rules, or every field at fault with its message. */
        DiscussionSettings.Rules toRules() {
            Map<String, String> errors = new LinkedHashMap<>();
            int depth = number(errors, "threadDepth", threadDepth, 1, DiscussionSettings.Rules.MAX_DEPTH);
            int window = number(errors, "editWindowMinutes", editWindowMinutes, 0, 1440);
            int close = number(errors, "closeAfterDays", closeAfterDays, 0, 36500);
            int flood = number(errors, "floodSeconds", floodSeconds, 0, 3600);
            int hourly = number(errors, "hourlyLimit", hourlyLimit, 1, 1000);
            int minSeconds = number(errors, "minSecondsToWrite", minSecondsToWrite, 0, 60);
            int links = number(errors, "linkLimit", linkLimit, 0, 100);
            List<String> hold = terms(errors, "holdTerms", holdTerms);
            List<String> spam = terms(errors, "spamTerms", spamTerms);
            int perPage = number(errors, "commentsPerPage", commentsPerPage, 10, 200);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new DiscussionSettings.Rules(depth, window, close, flood, hourly, minSeconds, links,
                    requireApproval, requirePriorApproval, hold, spam, perPage);
        }

        private static int number(Map<String, String> errors, String field, String text, int min, int max) {
            try {
                int value = Integer.parseInt(text == null ? "" : text.strip());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.put(field, "Choose a whole number from " + min + " to " + max + ".");
            return min;
        }

        private static List<String> terms(Map<String, String> errors, String field, String text) {
            List<String> terms = DiscussionSettings.terms(text);
            if (terms.stream().anyMatch(t -> t.length() > MAX_TERM)) {
                errors.put(field, "Keep each term to at most " + MAX_TERM + " characters.");
            } else if (String.join("\n", terms).length() > MAX_TERMS_TEXT) {
                errors.put(field, "Use at most " + MAX_TERMS_TEXT + " characters for the whole list.");
            }
            return terms;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance discussion(Form form, Map<String, String> errors, String notice);
    }

    @Inject
    DiscussionSettings settings;

    @GET
    public TemplateInstance page(@RestQuery String saved) {
        return Templates.discussion(Form.of(settings.current()), Map.of(),
                saved != null ? "Discussion settings saved." : null);
    }

    @POST
    public Response save(@RestForm String threadDepth, @RestForm String editWindowMinutes,
            @RestForm String closeAfterDays, @RestForm String floodSeconds, @RestForm String hourlyLimit,
            @RestForm String minSecondsToWrite, @RestForm String linkLimit, @RestForm String requireApproval,
            @RestForm String requirePriorApproval, @RestForm String holdTerms, @RestForm String spamTerms,
            @RestForm String commentsPerPage) {
        Form form = new Form(threadDepth, editWindowMinutes, closeAfterDays, floodSeconds, hourlyLimit,
                minSecondsToWrite, linkLimit, requireApproval != null, requirePriorApproval != null, holdTerms,
                spamTerms, commentsPerPage);
        try {
            settings.save(form.toRules());
            return Response.seeOther(URI.create("/admin/discussion?saved=1")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(Templates.discussion(form, e.errors(), null)).build();
        }
    }
}
