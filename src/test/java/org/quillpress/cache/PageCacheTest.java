package org.quillpress.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.post.PostInput;
import org.quillpress.security.Sessions;
import org.quillpress.site.SiteSettings;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class PageCacheTest {

    private static final Pattern FIELDS = Pattern.compile("<!--qp:fields-->(.*?)<!--/qp:fields-->", Pattern.DOTALL);
    private static final Pattern CSRF_VALUE = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern STAMP_VALUE = Pattern.compile("name=\"started\" value=\"([^\"]+)\"");

    /** RestAssured would otherwise inflate gzip bodies itself and hide what was sent. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    SiteSettings settings;

    @Inject
    TestClock clock;

    @Inject
    PageCache pageCache;

    @Test
    void secondGuestGetsThePostFromTheCacheWithTheSameContent() {
        String path = publishedPost("Cached words ");

        Response first = WebClient.anonymous().get(path);
        Response second = hit(() -> WebClient.anonymous().get(path));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.contentType()).isEqualTo(first.contentType()).startsWith("text/html");
        assertThat(withoutFields(second.asString())).isEqualTo(withoutFields(first.asString()));
        assertThat(second.header("Cache-Control")).isEqualTo(first.header("Cache-Control"));
        assertThat(second.header("Vary")).isEqualTo("Accept-Encoding");
    }

    @Test
    void pageWithoutAFormIsServedWithoutACookieAndWithAValidator() {
        String path = taggedArchive();
        Response first = WebClient.anonymous().get(path);

        Response second = hit(() -> WebClient.anonymous().get(path));

        assertThat(second.asString()).isEqualTo(first.asString()).doesNotContain("<!--qp:fields-->");
        assertThat(second.header("Set-Cookie")).as("no cookie stored with the page").isNull();
        assertThat(second.header("ETag")).startsWith("W/\"").isEqualTo(first.header("ETag"));
        assertThat(second.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void manyGuestsAskingForAColdPageAtOnceWaitForOneRender() throws Exception {
        String path = SlowPageProbe.PATH + "?run=" + TestPosts.unique("coalesced");
        int guests = 12;
        SlowPageProbe.hold();
        ExecutorService browsers = Executors.newFixedThreadPool(guests);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < guests; i++) {
                answers.add(browsers.submit(() -> WebClient.anonymous().get(path)));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> SlowPageProbe.RENDERS.get() == 1);
            // the others have arrived meanwhile; none of them starts a render of its own
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                    .until(() -> SlowPageProbe.RENDERS.get() == 1);
            SlowPageProbe.release();

            List<String> caches = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.asString()).contains("Rendered for run coalesced");
                caches.add(response.header("X-Cache"));
            }
            assertThat(SlowPageProbe.RENDERS.get()).isEqualTo(1);
            assertThat(caches).containsOnlyOnce("MISS").contains("HIT");
        } finally {
            SlowPageProbe.release();
            browsers.shutdownNow();
        }
    }

    @Test
    void guestsWaitingForAPageThatIsNotKeptRenderItThemselves() throws Exception {
        String path = SlowPageProbe.PATH + "?run=" + TestPosts.unique("changed");
        int guests = 3;
        SlowPageProbe.hold();
        ExecutorService browsers = Executors.newFixedThreadPool(guests);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < guests; i++) {
                answers.add(browsers.submit(() -> WebClient.anonymous().get(path)));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> SlowPageProbe.RENDERS.get() == 1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> SlowPageProbe.RENDERS.get() == 1);
            // a change while the page renders: what it renders may be out of date, so it is not kept
            pageCache.invalidateAll();
            SlowPageProbe.release();

            for (Future<Response> answer : answers) {
                Response response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.header("X-Cache")).isEqualTo("MISS");
            }
            assertThat(SlowPageProbe.RENDERS.get()).isEqualTo(guests);
        } finally {
            SlowPageProbe.release();
            browsers.shutdownNow();
        }
    }

    @Test
    void signedInReaderNeverGetsOrFillsACachedPage() {
        String path = publishedPost("Members read ");
        hit(() -> WebClient.anonymous().get(path));
        String name = TestPosts.unique("Signed Reader ");
        WebClient reader = TestAccounts.create(Role.READER, name).signIn();

        Response signedIn = reader.get(path);
        Response again = reader.get(path);

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.header("X-Cache")).isNull();
        assertThat(again.header("X-Cache")).isNull();
        assertThat(again.asString()).contains(name, "Sign out");
        Response guest = hit(() -> WebClient.anonymous().get(path));
        assertThat(guest.asString()).doesNotContain(name).doesNotContain("Sign out");
    }

    @Test
    void signedInReaderCarryingAGuestsCsrfCookieGetsPagesRenderedForThem() {
        String post = publishedPost("Members with a token ");
        String name = TestPosts.unique("Token Reader ");
        WebClient reader = TestAccounts.create(Role.READER, name).signIn();
        for (String path : List.of(FormPageProbe.PATH, post)) {
            WebClient guest = WebClient.anonymous();
            hit(() -> guest.get(path));
            String guestsToken = guest.cookie(WebClient.CSRF);
            assertThat(guestsToken).as(path).isNotNull();

            // a browser that read as a guest and then signed in: the session beside the guest's very CSRF cookie
            Response page = WebClient.anonymous().request().cookie(Sessions.COOKIE, reader.cookie(Sessions.COOKIE))
                    .cookie(WebClient.CSRF, guestsToken).get(path);

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.header("X-Cache")).as(path).isNull();
            assertThat(page.asString()).as(path).contains(name, "Sign out");
            assertThat(hit(() -> WebClient.anonymous().get(path)).asString()).as(path).doesNotContain(name);
        }
    }

    @Test
    void requestWithCredentialsOrAPersonalCookieIsNotServedFromTheCache() {
        hit(() -> WebClient.anonymous().get("/"));

        Response bearer = WebClient.anonymous().request().header("Authorization", "Bearer not-a-real-token")
                .get("/");
        Response personal = WebClient.anonymous().request().cookie("qp_commenter", "Ada").get("/");

        assertThat(bearer.header("X-Cache")).isNull();
        assertThat(personal.statusCode()).isEqualTo(200);
        assertThat(personal.header("X-Cache")).isNull();
    }

    @Test
    void publishingAPostShowsItOnTheCachedHomePageAtOnce() {
        hit(() -> WebClient.anonymous().get("/"));
        String title = TestPosts.unique("Fresh news ");

        TestPosts.publish(author().principal(), title, "Just in.", List.of());

        assertThat(WebClient.anonymous().get("/").asString()).contains(title);
    }

    @Test
    void editingAPostShowsTheNewTextAtOnce() {
        TestAccounts.Created author = author();
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Draft wording "), "Old text.", List.of());
        hit(() -> WebClient.anonymous().get("/posts/" + slug));
        String title = TestPosts.unique("Better wording ");
        Map<String, Object> form = new HashMap<>(Map.of("title", title, "body", "New text.", "tags", "",
                "category", "Uncategorized", "status", "PUBLISHED", "commentsOpen", "on", "kind", "POST",
                "action", "save", "slug", slug, "version", 0));

        Response saved = author.signIn().postForm("/posts/" + slug + "/edit", form);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains(title, "New text.")
                .doesNotContain("Old text.");
    }

    @Test
    void savingSiteSettingsChangesTheTitleOfCachedPagesAtOnce() {
        SiteSettings.Site original = settings.current();
        String path = publishedPost("Titled page ");
        hit(() -> WebClient.anonymous().get("/"));
        hit(() -> WebClient.anonymous().get(path));
        String title = TestPosts.unique("Renamed Site ");
        try {
            Response saved = WebClient.owner().postForm("/admin/settings", Map.of("title", title, "tagline",
                    original.tagline(), "description", original.description(), "postsPerPage",
                    Integer.toString(original.postsPerPage())), "/admin");

            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(WebClient.anonymous().get("/").asString())
                    .contains("<a class=\"site-title\" href=\"/\">" + title + "</a>");
            assertThat(WebClient.anonymous().get(path).asString())
                    .contains("<a class=\"site-title\" href=\"/\">" + title + "</a>");
        } finally {
            settings.save(original);
        }
        assertThat(WebClient.anonymous().get("/").asString()).doesNotContain(title);
    }

    @Test
    void scheduledPostAppearsAtItsTimeThoughTheHomePageWasCachedBefore() {
        String title = TestPosts.unique("Timed release ");
        Instant at = clock.instant().plus(Duration.ofHours(1));
        TestPosts.save(author().principal(), new PostInput(title, "On time.", null, List.of(), null, null,
                "SCHEDULED", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)), true, null,
                null, null, null));
        Response before = hit(() -> WebClient.anonymous().get("/"));
        assertThat(before.asString()).doesNotContain(title);

        clock.advanceTo(at.plusSeconds(1));

        // at once, not when the publishing job has run or the cached page has aged out
        assertThat(WebClient.anonymous().get("/").asString()).contains(title);
    }

    @Test
    void twoGuestsGetTheirOwnCsrfTokensAndStampsFromTheCachedFormPage() {
        WebClient first = WebClient.anonymous();
        WebClient second = WebClient.anonymous();
        first.get(FormPageProbe.PATH);
        Response firstPage = hit(() -> first.get(FormPageProbe.PATH));
        Response secondPage = hit(() -> second.get(FormPageProbe.PATH));

        String firstToken = value(CSRF_VALUE, firstPage.asString());
        String secondToken = value(CSRF_VALUE, secondPage.asString());
        assertThat(firstToken).isEqualTo(first.cookie(WebClient.CSRF));
        assertThat(secondToken).isEqualTo(second.cookie(WebClient.CSRF)).isNotEqualTo(firstToken);
        assertThat(secondPage.getDetailedCookie(WebClient.CSRF).isHttpOnly()).isTrue();
        assertThat(secondPage.getDetailedCookie(WebClient.CSRF).getPath()).isEqualTo("/");
        assertThat(secondPage.getDetailedCookie(WebClient.CSRF).getMaxAge()).isEqualTo(2 * 60 * 60);
        assertThat(value(STAMP_VALUE, secondPage.asString())).matches("\\d+\\.[A-Za-z0-9_-]+");
        assertThat(secondPage.header("ETag")).as("pages with fields have no validator").isNull();
        assertThat(secondPage.header("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(withoutFields(secondPage.asString())).isEqualTo(withoutFields(firstPage.asString()));

        // and the spliced token is the one the CSRF check expects
        Response sent = second.request().contentType(ContentType.URLENC)
                .formParams(Map.of(WebClient.CSRF, secondToken, "started", "1")).post(FormPageProbe.PATH);
        assertThat(sent.statusCode()).isEqualTo(200);
        Response forged = second.request().contentType(ContentType.URLENC)
                .formParams(Map.of(WebClient.CSRF, firstToken, "started", "1")).post(FormPageProbe.PATH);
        assertThat(forged.statusCode()).isEqualTo(400);
    }

    @Test
    void twoGuestsGetTheirOwnTokensFromTheCachedPostPageWhoseFieldsThePageItselfPlaced() {
        String path = publishedPost("Placed fields ");
        WebClient first = WebClient.anonymous();
        WebClient second = WebClient.anonymous();
        Response firstPage = hit(() -> first.get(path));
        Response secondPage = hit(() -> second.get(path));

        String secondToken = value(CSRF_VALUE, secondPage.asString());
        assertThat(value(CSRF_VALUE, firstPage.asString())).isEqualTo(first.cookie(WebClient.CSRF));
        assertThat(secondToken).isEqualTo(second.cookie(WebClient.CSRF)).isNotEqualTo(first.cookie(WebClient.CSRF));
        assertThat(secondPage.header("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(withoutFields(secondPage.asString())).isEqualTo(withoutFields(firstPage.asString()))
                .contains("<h1", "</html>");
    }

    @Test
    void guestsWhosePostPageTheApplicationRendersGetTheirOwnTokensAroundTheBytesTheCacheThenServes() {
        String path = publishedPost("Rendered around ");
        WebClient first = WebClient.anonymous();
        WebClient second = WebClient.anonymous();
        // addresses the cache has not seen: the application answers each
        Response firstPage = first.get(path + "?visit=1");
        Response secondPage = second.get(path + "?visit=2");

        assertThat(firstPage.header("X-Cache")).isEqualTo("MISS");
        assertThat(secondPage.header("X-Cache")).isEqualTo("MISS");
        assertThat(value(CSRF_VALUE, firstPage.asString())).isEqualTo(first.cookie(WebClient.CSRF));
        assertThat(value(CSRF_VALUE, secondPage.asString())).isEqualTo(second.cookie(WebClient.CSRF))
                .isNotEqualTo(first.cookie(WebClient.CSRF));
        assertThat(withoutFields(secondPage.asString())).isEqualTo(withoutFields(firstPage.asString()))
                .contains("<h1", "</html>");
        assertThat(secondPage.header("Content-Security-Policy")).startsWith("default-src 'self'");
        Response fromCache = hit(() -> WebClient.anonymous().get(path + "?visit=1"));
        assertThat(withoutFields(fromCache.asString())).isEqualTo(withoutFields(firstPage.asString()));
    }

    @Test
    void guestWithACsrfCookieKeepsItsTokenOnACachedFormPage() {
        WebClient guest = WebClient.anonymous();
        guest.get("/login");
        String token = guest.cookie(WebClient.CSRF);
        assertThat(token).isNotNull();

        Response page = hit(() -> guest.get(FormPageProbe.PATH));

        assertThat(value(CSRF_VALUE, page.asString())).isEqualTo(token);
        assertThat(guest.cookie(WebClient.CSRF)).isEqualTo(token);
    }

    @Test
    void gzipHitDecodesToThePlainPageAndKeepsTheSecurityHeaders() throws IOException {
        String path = publishedPost("Squeezed words ");
        Response plain = hit(() -> WebClient.anonymous().request().config(RAW).header("Accept-Encoding", "identity")
                .get(path));
        assertThat(plain.header("Content-Encoding")).isNull();

        Response gzip = hit(() -> WebClient.anonymous().request().config(RAW).header("Accept-Encoding", "gzip")
                .get(path));

        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(withoutFields(gunzip(gzip.asByteArray()))).isEqualTo(withoutFields(plain.asString()));
        for (Response response : List.of(plain, gzip)) {
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        }
    }

    @Test
    void gzipFormPageCarriesTheVisitorsOwnFields() throws IOException {
        WebClient guest = WebClient.anonymous();
        hit(() -> WebClient.anonymous().get(FormPageProbe.PATH));

        Response gzip = hit(() -> guest.request().config(RAW).header("Accept-Encoding", "gzip")
                .get(FormPageProbe.PATH));
        guest.keep(gzip);

        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        String html = gunzip(gzip.asByteArray());
        assertThat(value(CSRF_VALUE, html)).isEqualTo(guest.cookie(WebClient.CSRF));
        assertThat(html).contains("<h1>Probe form</h1>").endsWith("</html>\n");
    }

    @Test
    void headIsAnsweredFromTheCacheWithoutABody() {
        String path = taggedArchive();
        for (String encoding : List.of("identity", "gzip")) {
            Response get = hit(() -> WebClient.anonymous().request().config(RAW).header("Accept-Encoding", encoding)
                    .get(path));

            Response head = hit(() -> WebClient.anonymous().request().config(RAW).header("Accept-Encoding", encoding)
                    .head(path));

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.asByteArray()).isEmpty();
            assertThat(head.header("Content-Length")).as(encoding)
                    .isEqualTo(Integer.toString(get.asByteArray().length));
            assertThat(head.header("Content-Encoding")).isEqualTo(get.header("Content-Encoding"));
            assertThat(head.contentType()).isEqualTo(get.contentType());
        }
    }

    @Test
    void conditionalRequestWithTheETagIsNotModified() {
        String path = taggedArchive();
        Response first = hit(() -> WebClient.anonymous().get(path));
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");

        Response again = WebClient.anonymous().request().header("If-None-Match", etag).get(path);
        Response other = WebClient.anonymous().request().header("If-None-Match", "W/\"something-else\"").get(path);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asByteArray()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void feedFromTheCacheKeepsItsTypeValidatorAndCachingRules() {
        Response miss = WebClient.anonymous().get("/feed");
        Response hit = hit(() -> WebClient.anonymous().get("/feed"));

        assertThat(hit.contentType()).isEqualTo(miss.contentType()).startsWith("application/atom+xml");
        assertThat(hit.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(hit.asString()).isEqualTo(miss.asString());
        if (miss.header("X-Cache").equals("MISS")) {
            assertThat(hit.header("ETag")).isEqualTo(miss.header("ETag"));
        }
    }

    @Test
    void feedsAndTheSitemapAreAlikeForEveryoneAndServedFromTheCacheToSignedInReadersToo() {
        publishedPost("Feed for all ");
        WebClient reader = TestAccounts.create(Role.READER, TestPosts.unique("Feed Reader ")).signIn();
        for (String path : List.of("/feed", "/rss", "/comments/feed", "/sitemap.xml")) {
            // whoever asks first fills it, the signed-in reader included; everyone then gets those bytes
            Response first = reader.get(path);
            Response readerAgain = hit(() -> reader.get(path));
            Response guest = hit(() -> WebClient.anonymous().get(path));

            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(readerAgain.asString()).as(path).isEqualTo(guest.asString()).isEqualTo(first.asString());
            assertThat(readerAgain.header("Set-Cookie")).as(path).isNull();
        }
        // the pages that greet a reader by name still never come from the cache
        assertThat(reader.get("/").header("X-Cache")).isNull();
    }

    @Test
    void privateAndQueryDrivenPagesAreNeverCached() {
        for (String path : List.of("/api/v1/posts", "/login", "/admin", "/search?q=words", "/setup",
                "/q/health/ready")) {
            WebClient.anonymous().get(path);
            Response second = WebClient.anonymous().get(path);
            assertThat(second.header("X-Cache")).as(path).isNull();
        }
    }

    /** A new published post's address. */
    private static String publishedPost(String titlePrefix) {
        return "/posts/" + TestPosts.publish(author().principal(), TestPosts.unique(titlePrefix), "Some words.",
                List.of());
    }

    /** The archive of a new tag with one post: a cacheable page with no form on it. */
    private static String taggedArchive() {
        String tag = TestPosts.unique("cachetag");
        TestPosts.publish(author().principal(), TestPosts.unique("Tagged words "), "Some words.", List.of(tag));
        return "/tags/" + tag;
    }

    private static TestAccounts.Created author() {
        return TestAccounts.create(Role.AUTHOR, "Cache Author");
    }

    /**
     * Requests until the answer comes from the cache: right after a post is saved the cache keeps nothing until
     * it has looked up the next scheduled publication (on another thread, which a busy machine may delay), and
     * another test's scheduled post may clear it once more.
     */
    private static Response hit(Supplier<Response> request) {
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(request::get,
                response -> "HIT".equals(response.header("X-Cache")));
    }

    private static String withoutFields(String html) {
        return FIELDS.matcher(html).replaceAll("<!--qp:fields--><!--/qp:fields-->");
    }

    private static String value(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }

    private static String gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
