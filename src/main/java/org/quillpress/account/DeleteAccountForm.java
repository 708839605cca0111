package org.quillpress.account;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.web.AccountMessages;
import org.quillpress.web.SiteLanguage;

/** The form that deletes one's own account: what happens to the comments, and the confirmation. */
public record DeleteAccountForm(
        @RestForm String comments,
        @RestForm String confirm) {

    /** Every choice missing, with its message; empty when the form may go ahead. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"keep".equals(comments) && !"remove".equals(comments)) {
            errors.put("comments", SiteLanguage.messages(AccountMessages.class).errChooseComments());
        }
        if (!"yes".equals(confirm)) {
            errors.put("confirm", SiteLanguage.messages(AccountMessages.class).errTickToConfirm());
        }
        return errors;
    }

    boolean removeComments() {
        return "remove".equals(comments);
    }
}
