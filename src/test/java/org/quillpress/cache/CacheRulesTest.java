package org.quillpress.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class CacheRulesTest {

    /** The rules the application derives from its resources' {@code @PublicPage} methods. */
    private static final Pattern CACHEABLE = CacheRules.cacheablePaths(resources());

    private static List<Class<?>> resources() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.quillpress").stream().filter(c -> c.isAnnotatedWith(Path.class))
                .<Class<?>> map(JavaClass::reflect).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/posts/hello-world", "/about", "/about-us-2", "/tags/java", "/tags/java/feed",
            "/tags/java/feed/rss", "/categories/notes", "/categories/notes/feed", "/categories/notes/feed/rss",
            "/posts/hello/comments/feed", "/authors/ada", "/archive/2026/11",
            "/archive/2026/1", "/feed", "/rss", "/sitemap.xml", "/robots.txt", "/tags", "/categories", "/archive",
            "/authors/ada/feed", "/authors/ada/feed/rss" })
    void publicPagesAreCacheable(String path) {
        assertThat(CACHEABLE.matcher(path).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "posts/x", "/posts/hello/edit", "/posts/hello/comments", "/posts/hello/comments/1", "/posts/",
            "/posts", "/posts//x", "/posts/x/",
            "/api/v1/posts", "/api", "/q/health", "/q", "/login", "/logout", "/setup", "/account", "/account/tokens",
            "/admin", "/admin/settings", "/write", "/write/preview", "/moderation", "/search", "/tags/x/y",
            "/tags/x/feed/atom", "/authors/ada/feed/atom", "/archive/26/11", "/archive/2026", "/archive/2026/11/1",
            "/favicon.svg", "/css/site.css", "/About", "/about_us", "/comments", "/accounts", "/subscriptions",
            "/subscriptions/unsubscribed", "/comments/1", "/posts/hello/comments/feed/rss" })
    void privateQueryDrivenAndUnknownAddressesAreNot(String path) {
        assertThat(CACHEABLE.matcher(path).matches()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "gzip|true", "gzip, deflate, br|true", "br;q=1.0, gzip;q=0.8|true",
            "x-gzip|true", "*|true", "gzip;q=0|false", "gzip;q=0.000|false", "deflate|false", "identity|false",
            "*;q=0|false", "br, *|true", "gzip;q=0, *|false", "GZIP|true" })
    void gzipIsAcceptedUnlessRefused(String acceptEncoding, boolean accepted) {
        assertThat(CacheRules.acceptsGzip(acceptEncoding)).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "W/\"abc\"|true", "\"abc\"|true", "W/\"x\", W/\"abc\"|true", "*|true",
            "W/\"abd\"|false", "abc|false" })
    void ifNoneMatchComparesWeakly(String ifNoneMatch, boolean matches) {
        assertThat(CacheRules.matches(ifNoneMatch, "W/\"abc\"")).isEqualTo(matches);
    }
}
