package org.quillpress.comment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.quillpress.account.AccountService;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.SiteLanguage;

/**
 * What a guest signs a comment with: a name, a private email and an optional website, stripped of
 * surrounding white space. Signed-in writers use their account's instead, so only guests are checked.
 */
public record GuestDetails(String name, String email, String website) {

    /** WordPress's limits, in bytes of UTF-8. */
    public static final int MAX_NAME = 245;
    public static final int MAX_EMAIL = 100;
    public static final int MAX_WEBSITE = 200;

    /** The fields as typed; a missing one is empty. */
    public static GuestDetails typed(String name, String email, String website) {
        return new GuestDetails(strip(name), strip(email), strip(website));
    }

    /** What is wrong, as a message per field in the form's order; empty when the guest may comment. */
    public Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty()) {
            errors.put("name", SiteLanguage.messages(CheckMessages.class).guestName());
        } else if (bytes(name) > MAX_NAME) {
            errors.put("name", SiteLanguage.messages(CheckMessages.class).guestNameLength(MAX_NAME));
        }
        if (email.isEmpty()) {
            errors.put("email", SiteLanguage.messages(CheckMessages.class).guestEmail());
        } else if (bytes(email) > MAX_EMAIL) {
            errors.put("email", SiteLanguage.messages(CheckMessages.class).guestEmailLength(MAX_EMAIL));
        } else if (!AccountService.EMAIL.matcher(email).matches()) {
            errors.put("email", SiteLanguage.messages(CheckMessages.class).guestEmailFormat());
        }
        if (!website.isEmpty() && bytes(website) > MAX_WEBSITE) {
            errors.put("website", SiteLanguage.messages(CheckMessages.class).guestWebsiteLength(MAX_WEBSITE));
        } else if (!website.isEmpty() && !AccountService.isWebAddress(website)) {
            errors.put("website", SiteLanguage.messages(CheckMessages.class).guestWebsiteFormat());
        }
        return errors;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
