package org.quillpress.account;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateData;

/** The profile form on /account as typed; {@link AccountService#updateProfile} checks it. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record ProfileForm(
        @RestForm String displayName,
        @RestForm String bio,
        @RestForm String website) {

    public static final int MAX_DISPLAY_NAME = AccountService.MAX_DISPLAY_NAME;
    public static final int MAX_BIO = AccountService.MAX_BIO;
    public static final int MAX_WEBSITE = AccountService.MAX_WEBSITE;

    AccountService.Profile toProfile() {
        return new AccountService.Profile(displayName, bio, website);
    }
}
