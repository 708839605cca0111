package org.quillpress.comment;

import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateData;

/**
 * The comment form as posted: the comment, the guest's details, and the form's own fields ({@code homepage}, a
 * honeypot people leave empty; {@code started}, the signed time the form was shown; the button pressed). The
 * checkbox posted as {@code notify} cannot be a component of that name, which {@code Object} has already.
 */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record CommentForm(
        @RestForm String body,
        @RestForm Long parentId,
        @RestForm String name,
        @RestForm String email,
        @RestForm String website,
        @RestForm("notify") String notifyTicked,
        @RestForm String homepage,
        @RestForm String started,
        @RestForm String action) {

    public static final int MAX_NAME = GuestDetails.MAX_NAME;
    public static final int MAX_EMAIL = GuestDetails.MAX_EMAIL;
    public static final int MAX_WEBSITE = GuestDetails.MAX_WEBSITE;

    boolean previewRequested() {
        return "preview".equals(action);
    }

    boolean notifyReplies() {
        return notifyTicked != null;
    }

    CommentSubmission toSubmission() {
        return new CommentSubmission(body, parentId, name, email, website, notifyReplies(), homepage, started, true);
    }

    /** The form as the page shows it again, with the messages for its fields. */
    CommentViews.Form typed(Map<String, String> errors) {
        return new CommentViews.Form(body, parentId, name, email, website, notifyReplies(), errors);
    }
}
