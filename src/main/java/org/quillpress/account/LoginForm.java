package org.quillpress.account;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.security.Passwords;

import io.quarkus.qute.TemplateData;

/** The sign-in form: email, password, and the page to return to (checked by {@code SafeRedirect}). */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record LoginForm(
        @RestForm String email,
        @RestForm String password,
        @RestForm String redirect) {

    public static final int MAX_EMAIL = AccountService.MAX_EMAIL;
    public static final int MAX_PASSWORD = Passwords.MAX_LENGTH;
}
