package org.quillpress.moderation;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateData;

/** The form on a comment's page that bans its writer; the comment comes from the address, never from here. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record WriterBanForm(
        @RestForm String kind,
        @RestForm String network,
        @RestForm String reason,
        @RestForm String days,
        @RestForm String then) {

    /** Room for the longest IPv6 range with its prefix (43 characters) and some stray spaces. */
    public static final int MAX_NETWORK = 64;
    public static final int MAX_REASON = ModerationService.MAX_BAN_REASON;
    public static final int MAX_DAYS = ModerationService.MAX_BAN_DAYS;

    ModerationService.BanRequest toRequest() {
        return new ModerationService.BanRequest(kind, network, reason, days, then);
    }
}
