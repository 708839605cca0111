package org.quillpress.account;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.security.Passwords;

import io.quarkus.qute.TemplateData;

/** The change-password form on /account; {@link AccountService#changePassword} checks it. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record PasswordForm(
        @RestForm String current,
        @RestForm String password) {

    public static final int MIN_PASSWORD = Passwords.MIN_LENGTH;
    public static final int MAX_PASSWORD = Passwords.MAX_LENGTH;
}
