package org.quillpress.team;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.account.AccountService;
import org.quillpress.security.Passwords;

import io.quarkus.qute.TemplateData;

/** What an invitee chooses on accepting: the name to show, and a password. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record AcceptForm(@RestForm String displayName, @RestForm String password) {

    public static final int MAX_DISPLAY_NAME = AccountService.MAX_DISPLAY_NAME;
    public static final int MIN_PASSWORD = Passwords.MIN_LENGTH;
    public static final int MAX_PASSWORD = Passwords.MAX_LENGTH;
}
