package org.quillpress.admin;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.AdminMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.SiteTime;

import io.quarkus.qute.TemplateData;

/** The site settings form as typed: the number stays text, so that what was typed comes back with its message. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record SettingsForm(
        @RestForm String title,
        @RestForm String tagline,
        @RestForm String description,
        @RestForm String postsPerPage,
        @RestForm String timeZone,
        @RestForm String dateStyle,
        @RestForm String language) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_TAGLINE = 200;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_POSTS_PER_PAGE = SiteSettings.Site.MAX_POSTS_PER_PAGE;
    public static final int MAX_TIME_ZONE = 60;

    static SettingsForm of(SiteSettings.Site site) {
        return new SettingsForm(site.title(), site.tagline(), site.description(),
                Integer.toString(site.postsPerPage()), site.timeZone().getId(), site.dateStyle().name(),
                site.language().tag);
    }

    /** The languages the form offers. */
    public static java.util.List<SiteLanguage.Language> languages() {
        return SiteLanguage.Language.all();
    }

    /** The date styles the form offers. */
    public static java.util.List<SiteTime.Style> dateStyles() {
        return java.util.List.of(SiteTime.Style.values());
    }

    /**
     * The settings, cleaned, or every field at fault with its message. A time zone or date style left out of the
     * request keeps the current one, and so does a language.
     */
    SiteSettings.Site toSite(SiteSettings.Site current, AdminMessages text) {
        Map<String, String> errors = new LinkedHashMap<>();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            errors.put("title", text.settingsErrTitle(MAX_TITLE));
        }
        String tag = tagline == null ? "" : tagline.strip();
        if (tag.length() > MAX_TAGLINE) {
            errors.put("tagline", text.errAtMost(MAX_TAGLINE));
        }
        String d = description == null ? "" : description.strip();
        if (d.length() > MAX_DESCRIPTION) {
            errors.put("description", text.errAtMost(MAX_DESCRIPTION));
        }
        int perPage = 0;
        try {
            perPage = Integer.parseInt(postsPerPage == null ? "" : postsPerPage.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (perPage < 1 || perPage > MAX_POSTS_PER_PAGE) {
            errors.put("postsPerPage", text.settingsErrPerPage(MAX_POSTS_PER_PAGE));
        }
        ZoneId zone = current.timeZone();
        if (timeZone != null && !timeZone.isBlank()) {
            zone = timeZone.length() > MAX_TIME_ZONE ? null : SiteTime.parseZone(timeZone);
            if (zone == null) {
                errors.put("timeZone", text.settingsErrTimeZone());
            }
        }
        SiteTime.Style style = dateStyle == null || dateStyle.isBlank() ? current.dateStyle()
                : SiteTime.Style.parse(dateStyle);
        SiteLanguage.Language lang = current.language();
        if (language != null && !language.isBlank()) {
            lang = SiteLanguage.Language.ofTag(language);
            if (lang == null) {
                errors.put("language", SiteLanguage.messages().settingsLanguageUnknown(languages().stream()
                        .map(l -> l.tag).collect(java.util.stream.Collectors.joining(", "))));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SiteSettings.Site(t, tag, d, perPage, zone, style, lang);
    }
}
