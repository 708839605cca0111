package org.quillpress.team;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.security.Passwords;

import io.quarkus.qute.TemplateData;

/** The new password chosen through a reset link; the same rules as on /account. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record NewPasswordForm(@RestForm String password) {

    public static final int MIN_PASSWORD = Passwords.MIN_LENGTH;
    public static final int MAX_PASSWORD = Passwords.MAX_LENGTH;
}
