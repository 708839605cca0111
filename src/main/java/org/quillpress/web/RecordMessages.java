package org.quillpress.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of what the product wrote down in English, shown again in the site's language: why a comment was held
 * or let through (stored with the comment and in its moderation trail) and the entries of the audit log. The rows
 * keep their English text, so old rows and new ones read alike; the pages and mails map the sentences the product
 * writes to these messages, and show anything else (a moderator's own reason) as it was typed. English here,
 * other languages in {@code messages/records_<language>.properties}.
 */
@MessageBundle(value = "records", locale = "en")
public interface RecordMessages {

    // why a comment was held, sent to spam or let through

    @Message("filled the hidden field people leave empty")
    String reasonHoneypot();

    @Message("the form was not one this site showed")
    String reasonForeignForm();

    @Message("posted {seconds} s after the form was shown (minimum {minimum} s)")
    String reasonTooFast(String seconds, String minimum);

    @Message("matched {#if list == 'disallowed'}disallowed{#else}moderation{/if} term '{term}' in {#when field}{#is 'body'}body{#is 'name'}name{#is 'email'}email{#is 'website'}website{#is 'address'}address{#else}{field}{/when}")
    String reasonTerm(String list, String term, String field);

    @Message("first comment from this account")
    String reasonFirstFromAccount();

    @Message("first comment from this email")
    String reasonFirstFromEmail();

    @Message("{links} links (limit {limit})")
    String reasonLinks(String links, String limit);

    @Message("every comment must be approved")
    String reasonApproveAll();

    @Message("staff or the post's author")
    String reasonTrusted();

    @Message("known writer")
    String reasonKnownWriter();

    /** A ban in the moderation trail: what, for how long, and the moderator's own reason. */
    @Message("{what} {#if days}for {days} days{#else}without end{/if}{#if reason}: {reason}{/if}")
    String reasonBan(String what, String days, String reason);

    @Message("reply #{id}")
    String reasonReply(String id);

    @Message("comment #{id} by {author} on {slug}")
    String reasonDeleted(String id, String author, String slug);

    // the audit log: whom or what an entry is about

    @Message("account @{handle}")
    String subjectAccount(String handle);

    @Message("account #{id}")
    String subjectAccountId(String id);

    @Message("email {value}")
    String subjectEmail(String value);

    @Message("network {value}")
    String subjectNetwork(String value);

    @Message("{#if kind == 'page'}page{#else}post{/if} “{title}” ({path})")
    String subjectPost(String kind, String title, String path);

    @Message("site settings")
    String subjectSettings();

    @Message("reader sign-up by email")
    String subjectSignUp();

    @Message("WordPress import of {file}")
    String subjectImport(String file);

    @Message("export as {format}")
    String subjectExport(String format);

    @Message("backup")
    String subjectBackup();

    /** The actor of an entry the site made itself (a scheduled post, an import). */
    @Message("the site")
    String actorSite();

    // the audit log: what changed

    /** The status as stored, lower case: published, scheduled, draft or trashed. */
    @Message("saved, now {status}")
    String detailSaved(String status);

    @Message("invited as {role}")
    String detailInvited(String role);

    @Message("invitation revoked")
    String detailRevoked();

    @Message("invitation accepted, joined as {role}")
    String detailAccepted(String role);

    @Message("signed up by email as {role}")
    String detailSignedUp(String role);

    @Message("ban lifted")
    String detailBanLifted();

    @Message("banned {#if until}until {until}{#else}without end{/if}{#if reason}: {reason}{/if}")
    String detailBanned(String until, String reason);

    @Message("role {before} → {after}")
    String detailRole(String before, String after);

    @Message("opened")
    String detailOpened();

    @Message("closed")
    String detailClosed();

    @Message("started")
    String detailStarted();

    @Message("downloaded")
    String detailDownloaded();

    @Message("{folder} written on the server")
    String detailBackup(String folder);

    /** One changed site setting; the values, when there are any, as they were stored. */
    @Message("{#when setting}{#is 'title'}title{#is 'tagline'}tagline{#is 'description'}description{#is 'posts per page'}posts per page{#is 'time zone'}time zone{#is 'date style'}date style{#is 'language'}language{#else}{setting}{/when}{#if change} ({change}){/if}")
    String detailSetting(String setting, String change);
}
