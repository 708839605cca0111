package org.quillpress.admin;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.moderation.ModerationService;

import io.quarkus.qute.TemplateData;

/** The ban form beside an account on the accounts page; the account comes from the address, never from here. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record AccountBanForm(
        @RestForm String reason,
        @RestForm String days) {

    public static final int MAX_REASON = ModerationService.MAX_BAN_REASON;
    public static final int MAX_DAYS = ModerationService.MAX_BAN_DAYS;
}
