package org.quillpress.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The one place that decides the language of the interface, the mail and the feeds: the site's setting, which
 * {@code SiteSettings} hands here whenever it loads or saves it. Every template instance the engine creates
 * (pages, the parts of a post page, mails) is given its locale, so {@code msg:} and the other message bundles
 * answer in it; Java code that needs a sentence asks {@link #messages()}. Held statically for the same reason as
 * {@link SiteTime}: templates render on I/O threads.
 */
@Singleton
public class SiteLanguage {

    /** The languages the site can be set to. English is the messages' default; a key missing elsewhere falls back to it. */
    public enum Language {
        ENGLISH("en", "English", false),
        GERMAN("de", "Deutsch", false),
        /** A stub: a few keys, to prove the right-to-left layout; the rest shows in English. */
        ARABIC("ar", "العربية", true);

        /** The BCP 47 tag, as stored in the setting and written in {@code <html lang>}. */
        public final String tag;
        /** The language's own name, for the settings form. */
        public final String name;
        /** Written right to left. */
        public final boolean rtl;

        Language(String tag, String name, boolean rtl) {
            this.tag = tag;
            this.name = name;
            this.rtl = rtl;
        }

        public Locale locale() {
            return Locale.forLanguageTag(tag);
        }

        /** The language a tag names ("de", "DE", " de "), or null for one the site does not offer. */
        public static Language ofTag(String tag) {
            for (Language language : values()) {
                if (language.tag.equalsIgnoreCase(tag == null ? "" : tag.strip())) {
                    return language;
                }
            }
            return null;
        }

        /** For the settings form. */
        public static List<Language> all() {
            return List.of(values());
        }
    }

    private static volatile Language current = Language.ENGLISH;

    /** Called by the site settings when they load or change. */
    public static void use(Language language) {
        current = language;
    }

    public static Language current() {
        return current;
    }

    public static Locale locale() {
        return current.locale();
    }

    /** The interface's messages in the site's language, for Java code (validation messages, mail subjects). */
    public static Messages messages() {
        return messages(Messages.class);
    }

    /** Any message bundle of the application ({@code @MessageBundle} interface) in the site's language. */
    public static <T> T messages(Class<T> bundle) {
        return messages(bundle, current);
    }

    /** A message bundle in {@code language}: words chosen for a language the site is about to speak. */
    public static <T> T messages(Class<T> bundle, Language language) {
        // a bundle without this language (the Arabic stub has only the main one) speaks English
        InjectableInstance<T> localized = Arc.container().select(bundle, Localized.Literal.of(language.tag));
        return localized.isResolvable() ? localized.get() : MessageBundles.get(bundle);
    }

    /** A whole number as the site's language writes it: "2,000" in English, "2.000" in German. */
    public static String number(long number) {
        return NumberFormat.getIntegerInstance(current.locale()).format(number);
    }

    void localizeEveryTemplate(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(instance -> instance.setLocale(current.locale()));
    }
}
