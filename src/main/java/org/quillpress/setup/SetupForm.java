package org.quillpress.setup;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.account.AccountService;
import org.quillpress.security.Passwords;

import io.quarkus.qute.TemplateData;

/** The setup page's fields as typed; the limits are those the owner account is checked against. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record SetupForm(
        @RestForm String token,
        @RestForm String displayName,
        @RestForm String email,
        @RestForm String password) {

    /** Generous: the token is 24 characters, and anything much longer is not it. */
    public static final int MAX_TOKEN = 100;
    public static final int MAX_DISPLAY_NAME = AccountService.MAX_DISPLAY_NAME;
    public static final int MAX_EMAIL = AccountService.MAX_EMAIL;
    public static final int MIN_PASSWORD = Passwords.MIN_LENGTH;
    public static final int MAX_PASSWORD = Passwords.MAX_LENGTH;

    static SetupForm blank() {
        return new SetupForm("", "", "", "");
    }

    /** What the page shows again after a refusal: never the token or the password. */
    SetupForm typed() {
        return new SetupForm("", displayName, email, "");
    }
}
