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

    Sitemap sitemap();

    Login login();

    Trash trash();

    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }

    /** Trashed posts and pages: kept for a while so an accidental deletion can be undone, then purged. */
    interface Trash {
        /** How long a post stays in the trash before the purge job deletes it with its comments. */
        @WithDefault("30D")
        Duration keepFor();

        /** How often the purge job looks for posts whose time in the trash is over. */
        @WithDefault("1h")
        String purgeEvery();
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

    /**
     * Social sign-in. Each provider is off until its client id is set; see the README for the callback URL to
     * register at each one.
     */
    interface Login {
        Provider github();

        Provider google();

        Provider microsoft();

        Provider facebook();

        Provider x();

        Apple apple();

        Provider mastodon();

        /** Any other OpenID Connect provider (Keycloak, Auth0, a company IdP…), found by its issuer URL. */
        Provider oidc();

        interface Provider {
            Optional<String> clientId();

            Optional<String> clientSecret();

            /**
             * Where the provider lives: the issuer of a generic OIDC provider, a Mastodon instance, or another
             * address for a provider with a well-known one (GitHub Enterprise, a test server).
             */
            Optional<String> url();

            /** The name on the sign-in button (generic OIDC provider). */
            Optional<String> name();

            /** Endpoints relative to {@link #url()}, for a provider found at another address than its usual one. */
            Optional<String> authorizationPath();

            Optional<String> tokenPath();

            Optional<String> userInfoPath();
        }

        /** Sign in with Apple signs its client secret: a key from the Apple developer account, not a password. */
        interface Apple {
            Optional<String> clientId();

            Optional<String> teamId();

            Optional<String> keyId();

            /** Path of the .p8 private key file Apple gave for the key id. */
            Optional<String> keyFile();
        }
    }

    /** The sitemap: an index of files, each within the protocol's limits. */
    interface Sitemap {
        /**
         * Addresses per sitemap file: the protocol allows at most 50,000. Posts, pages, tags and categories
         * are split into files by id range of this width, so a file's contents stay put as the site grows.
         * 2,000 (as WordPress's own sitemaps) keeps a file near 200 KB: small enough for the page cache,
         * whose largest page is an eighth of its size, and quick to render when it is not cached.
         */
        @WithDefault("2000")
        int urlsPerFile();
    }
}
