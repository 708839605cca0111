package org.quillpress;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings read from application.properties and the environment (see the README's table). */
@ConfigMapping(prefix = "quillpress")
public interface QuillpressConfig {

    /** Public base URL without a trailing slash, used for absolute links. */
    String siteUrl();

    Admin admin();

    Session session();

    Publishing publishing();

    Mail mail();

    PageCache pageCache();

    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }

    interface Publishing {
        /** How often the job marks due scheduled posts as published (readers see them on time anyway). */
        @WithDefault("30s")
        String checkEvery();
    }

    interface Mail {
        /** The SMTP server; without one (outside dev and test, which use the mock mailer) mail waits in the outbox. */
        Optional<String> smtpHost();

        /** How often the job delivers due mail from the outbox. */
        @WithDefault("10s")
        String deliverEvery();

        /** The wait after a first failed attempt; it doubles with each further failure, up to six hours. */
        @WithDefault("60s")
        Duration retryAfter();

        /** Attempts before a mail is given up (it stays in the outbox, unsent, with its last error). */
        @WithDefault("8")
        int maxAttempts();
    }

    interface Session {
        Optional<String> secret();

        @WithDefault("14D")
        Duration lifetime();

        @WithDefault("false")
        boolean secureCookie();
    }

    /**
     * Rendered public pages kept in memory for anonymous readers (see cache.PageCache). Every instance has its
     * own cache: a change made here clears it at once, a change made on another instance shows here within
     * {@code max-age}.
     */
    interface PageCache {
        @WithDefault("true")
        boolean enabled();

        /** The longest a page is served from memory. */
        @WithDefault("10s")
        Duration maxAge();

        /** Memory for cached pages, their plain and compressed copies counted. */
        @WithDefault("64M")
        MemorySize maxSize();
    }
}
