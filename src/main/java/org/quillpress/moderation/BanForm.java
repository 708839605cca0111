package org.quillpress.moderation;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.account.AccountService;

import io.quarkus.qute.TemplateData;

/** The form on the bans page that bans an email address or a network directly, as typed. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record BanForm(
        @RestForm String kind,
        @RestForm String value,
        @RestForm String reason,
        @RestForm String days) {

    /** An email address is the longer of the two kinds of value. */
    public static final int MAX_VALUE = AccountService.MAX_EMAIL;
    public static final int MAX_REASON = ModerationService.MAX_BAN_REASON;
    public static final int MAX_DAYS = ModerationService.MAX_BAN_DAYS;

    static BanForm empty() {
        return new BanForm("email", "", "", "");
    }
}
