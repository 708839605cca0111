package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.QuietJobs;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A tag's or category's archive reads its own timeline (V26, kept by {@link TermTimeline}): after every way a
 * post can come, go or move, the archive lists exactly the term's visible posts, newest first.
 */
@QuarkusTest
class TermTimelineTest {

    /** A writer, a fresh tag, a fresh category and a marker that every title of the test carries. */
    private record Site(WebClient author, String marker, String tag, Category category) {
        static Site fresh(String name) {
            String marker = TestPosts.unique("tl" + name);
            return new Site(TestAccounts.create(Role.EDITOR, "Timeline " + name).signIn(), marker,
                    TestPosts.unique("tltag"), SeveralCategoriesTest.category(TestPosts.unique("Tl cat "), null));
        }

        /** Creates a post through the API; returns its slug. */
        String post(String title, String status, Instant at, List<String> tags) {
            return post(title, status, at, tags, category);
        }

        String post(String title, String status, Instant at, List<String> tags, Category in) {
            Response created = author.json().body(input(marker + " " + title, status, at, tags, in.name))
                    .post("/api/v1/posts");
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
            return created.jsonPath().getString("slug");
        }

        String post(String title, Instant at) {
            return post(title, "PUBLISHED", at, List.of(tag));
        }

        void update(String slug, String title, String status, Instant at, List<String> tags, String category) {
            Response updated = author.json().body(input(marker + " " + title, status, at, tags, category))
                    .put("/api/v1/posts/" + slug);
            assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
        }

        List<String> tagArchive() {
            return archive("/tags/" + tag.toLowerCase(), marker);
        }

        List<String> categoryArchive() {
            return archive("/categories/" + category.slug, marker);
        }
    }

    private static Map<String, Object> input(String title, String status, Instant at, List<String> tags,
            String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("body", "Body of " + title + ".");
        body.put("status", status);
        body.put("tags", tags);
        body.put("categories", List.of(category));
        if (at != null) {
            body.put("publishAt", at.toString());
        }
        return body;
    }

    /** The titles (without the marker) of every page of an archive, following its "older" links. */
    static List<String> archive(String path, String marker) {
        List<String> titles = new ArrayList<>();
        Pattern title = Pattern.compile(Pattern.quote(marker) + " ([^<]+)</a>");
        Pattern older = Pattern.compile("href=\"(" + Pattern.quote(path) + "\\?before=[0-9-]+)\"");
        String next = path;
        for (int page = 0; next != null && page < 20; page++) {
            Response response = WebClient.anonymous().get(Uncached.path(next));
            if (response.statusCode() == 404) {
                return titles;
            }
            String html = response.asString();
            Matcher m = title.matcher(html);
            while (m.find()) {
                titles.add(m.group(1));
            }
            Matcher o = older.matcher(html);
            next = o.find() ? o.group(1) : null;
        }
        return titles;
    }

    private static Instant ago(long minutes) {
        return TestClock.current().instant().minus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void publishingDraftingTrashingAndRestoringMoveAPostOnAndOffItsTermsArchives() {
        Site site = Site.fresh("life");
        String older = site.post("older", ago(30));
        String newer = site.post("newer", ago(20));
        site.post("draft", "DRAFT", null, List.of(site.tag()));
        assertThat(site.tagArchive()).containsExactly("newer", "older");
        assertThat(site.categoryArchive()).containsExactly("newer", "older");

        site.update(newer, "newer", "DRAFT", ago(20), List.of(site.tag()), site.category().name);
        assertThat(site.tagArchive()).containsExactly("older");
        assertThat(site.categoryArchive()).containsExactly("older");

        site.update(newer, "newer", "PUBLISHED", ago(10), List.of(site.tag()), site.category().name);
        assertThat(site.tagArchive()).containsExactly("newer", "older");

        // a later publish time moves a post along the timeline
        site.update(older, "older", "PUBLISHED", ago(5), List.of(site.tag()), site.category().name);
        assertThat(site.tagArchive()).containsExactly("older", "newer");
        assertThat(site.categoryArchive()).containsExactly("older", "newer");

        assertThat(site.author().json().delete("/api/v1/posts/" + older).statusCode()).isEqualTo(204);
        assertThat(site.tagArchive()).containsExactly("newer");
        assertThat(site.categoryArchive()).containsExactly("newer");

        assertThat(site.author().json().post("/api/v1/posts/" + older + "/restore").statusCode()).isEqualTo(200);
        assertThat(site.tagArchive()).containsExactly("older", "newer");
        assertThat(site.categoryArchive()).containsExactly("older", "newer");
    }

    @Test
    void aScheduledPostJoinsItsArchivesWhenItsTimeComes() {
        Site site = Site.fresh("sched");
        site.post("before", ago(30));
        Instant later = TestClock.current().instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        site.post("scheduled", "SCHEDULED", later, List.of(site.tag()));
        assertThat(site.tagArchive()).containsExactly("before");
        assertThat(site.categoryArchive()).containsExactly("before");

        TestClock.current().advanceTo(later.plusSeconds(1));

        assertThat(site.tagArchive()).containsExactly("scheduled", "before");
        assertThat(site.categoryArchive()).containsExactly("scheduled", "before");
    }

    @Test
    void retaggingAndRecategorisingMoveAPostBetweenArchives() {
        Site site = Site.fresh("move");
        Site other = Site.fresh("moveto");
        String moving = site.post("moving", ago(30));
        site.post("staying", ago(20));

        site.update(moving, "moving", "PUBLISHED", ago(30), List.of(other.tag()), other.category().name);

        assertThat(site.tagArchive()).containsExactly("staying");
        assertThat(site.categoryArchive()).containsExactly("staying");
        assertThat(archive("/tags/" + other.tag().toLowerCase(), site.marker())).containsExactly("moving");
        assertThat(archive("/categories/" + other.category().slug, site.marker())).containsExactly("moving");

        // the desk's bulk action puts both back in the first category
        long id = QuarkusTransaction.requiringNew().call(() -> Post.findBySlugWithDetails(moving).orElseThrow().id);
        Response bulk = site.author().json()
                .body(Map.of("action", "CATEGORY", "ids", List.of(id), "category", site.category().name))
                .post("/api/v1/posts/bulk");
        assertThat(bulk.statusCode()).as(bulk.asString()).isEqualTo(200);
        assertThat(site.categoryArchive()).containsExactly("staying", "moving");
    }

    @Test
    void mergedTermsShowTheirPostsTogetherInOrder() {
        Site site = Site.fresh("merge");
        Site into = Site.fresh("mergeinto");
        site.post("first", ago(30));
        into.post("second", "PUBLISHED", ago(20), List.of(into.tag()));
        site.post("third", ago(10));
        WebClient owner = WebClient.owner();
        long tagId = QuarkusTransaction.requiringNew().call(() -> Tag.<Tag> find("slug", site.tag().toLowerCase())
                .firstResult().id);
        long intoId = QuarkusTransaction.requiringNew().call(() -> Tag.<Tag> find("slug",
                into.tag().toLowerCase()).firstResult().id);

        owner.postForm("/admin/tags/" + tagId + "/merge", Map.of("into", Long.toString(intoId)),
                "/admin/tags/" + tagId);
        owner.postForm("/admin/categories/" + site.category().id + "/merge",
                Map.of("into", into.category().id.toString()), "/admin/categories/" + site.category().id);

        assertThat(archive("/tags/" + into.tag().toLowerCase(), into.marker())).containsExactly("second");
        assertThat(archive("/tags/" + into.tag().toLowerCase(), site.marker())).containsExactly("third", "first");
        assertThat(archive("/categories/" + into.category().slug, site.marker())).containsExactly("third", "first");
        // searched by their tags' names, the posts are found under the tag they carry now, and only there
        QuietJobs.awaitSearchIndex();
        assertThat(archive("/search?q=" + into.tag().toLowerCase(), site.marker()))
                .containsExactlyInAnyOrder("third", "first");
        assertThat(archive("/search?q=" + site.tag().toLowerCase(), site.marker())).isEmpty();
    }

    @Test
    void pagesFollowEachOtherAcrossEqualPublishTimesWithoutGapsOrRepeats() {
        Site site = Site.fresh("paging");
        // half of them in a subcategory, which the category's archive reads beside it
        Category child = SeveralCategoriesTest.category(TestPosts.unique("Tl child "), site.category());
        Instant same = ago(60);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String title = "p" + i;
            site.post(title, "PUBLISHED", i % 3 == 0 ? same.plusSeconds(i) : same, List.of(site.tag()),
                    i % 2 == 0 ? child : site.category());
            expected.add(title);
        }
        // newest first; among equal times the later post (the higher id) first
        expected.sort((a, b) -> {
            int ia = Integer.parseInt(a.substring(1));
            int ib = Integer.parseInt(b.substring(1));
            Instant ta = ia % 3 == 0 ? same.plusSeconds(ia) : same;
            Instant tb = ib % 3 == 0 ? same.plusSeconds(ib) : same;
            return ta.equals(tb) ? Integer.compare(ib, ia) : tb.compareTo(ta);
        });

        assertThat(site.tagArchive()).containsExactlyElementsOf(expected);
        assertThat(site.categoryArchive()).containsExactlyElementsOf(expected);

        // and back: the second page's "newer" link gives the first page again
        for (String path : List.of("/tags/" + site.tag().toLowerCase(), "/categories/" + site.category().slug)) {
            String first = WebClient.anonymous().get(Uncached.path(path)).asString();
            Matcher older = Pattern.compile("href=\"(" + Pattern.quote(path) + "\\?before=[0-9-]+)\"").matcher(first);
            assertThat(older.find()).isTrue();
            String second = WebClient.anonymous().get(Uncached.path(older.group(1))).asString();
            Matcher newer = Pattern.compile("href=\"(" + Pattern.quote(path) + "\\?after=[0-9-]+)\"").matcher(second);
            assertThat(newer.find()).isTrue();
            assertThat(titles(WebClient.anonymous().get(Uncached.path(newer.group(1))).asString(), site.marker()))
                    .isEqualTo(titles(first, site.marker()));
        }
    }

    private static List<String> titles(String html, String marker) {
        List<String> titles = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(marker) + " ([^<]+)</a>").matcher(html);
        while (m.find()) {
            titles.add(m.group(1));
        }
        return titles;
    }
}
