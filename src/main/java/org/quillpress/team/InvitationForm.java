package org.quillpress.team;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.account.AccountService;

import io.quarkus.qute.TemplateData;

/** An admin's invitation: whom to invite, by email, and with which role. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record InvitationForm(@RestForm String email, @RestForm String role) {

    public static final int MAX_EMAIL = AccountService.MAX_EMAIL;

    public static InvitationForm blank() {
        return new InvitationForm("", "AUTHOR");
    }
}
