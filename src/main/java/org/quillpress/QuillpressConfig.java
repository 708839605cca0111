package org.quillpress;

import java.time.Duration;
import java.util.Optional;

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

    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }

    interface Publishing {
        /** How often the job marks due scheduled posts as published (readers see them on time anyway). */
        @WithDefault("30s")
        String checkEvery();
    }

    interface Session {
        Optional<String> secret();

        @WithDefault("14D")
        Duration lifetime();

        @WithDefault("false")
        boolean secureCookie();
    }
}
