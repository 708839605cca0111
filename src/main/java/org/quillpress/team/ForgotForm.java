package org.quillpress.team;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.account.AccountService;

import io.quarkus.qute.TemplateData;

/** The "forgot your password?" form: the email to send a reset link to. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record ForgotForm(@RestForm String email) {

    public static final int MAX_EMAIL = AccountService.MAX_EMAIL;
}
