package org.quillpress.post;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.feed.FeedFixtures;
import org.quillpress.support.TestPosts;
import org.quillpress.web.SiteTime;

import io.quarkus.test.junit.QuarkusTest;

/** The tag, category and month indexes list what has published posts, with counts, and lead to each archive. */
@QuarkusTest
class IndexPagesTest {

    @Inject
    FeedFixtures fixtures;

    @Inject
    java.time.Clock clock;

    @Test
    void theTagIndexListsTagsWithPublishedPostsAndTheirCounts() {
        String tag = TestPosts.unique("indexed-tag-");
        String hidden = TestPosts.unique("draft-only-tag-");
        fixtures.published("Tagged one " + tag, TestPosts.unique("tagged-one-"), List.of(tag), null);
        fixtures.published("Tagged two " + tag, TestPosts.unique("tagged-two-"), List.of(tag), null);
        fixtures.draft("Draft " + hidden, TestPosts.unique("draft-tagged-"), List.of(hidden), null);

        String page = given().get("/tags").then().statusCode(200).extract().asString();
        assertThat(page).contains("<h1>Tags</h1>").contains("href=\"/tags/" + tag + "\">" + tag + "</a> "
                + "<span class=\"count\">(2)</span>").doesNotContain(hidden);
    }

    @Test
    void theCategoryIndexNestsSubcategoriesUnderTheirParent() {
        String parent = TestPosts.unique("index-parent-");
        String child = TestPosts.unique("index-child-");
        Category top = fixtures.category("Parent " + parent, parent);
        fixtures.subcategory("Child " + child, child, top.id);
        fixtures.published("In the child " + child, TestPosts.unique("in-child-"), List.of(), child);

        String page = given().get("/categories").then().statusCode(200).extract().asString();
        int parentAt = page.indexOf("href=\"/categories/" + parent + "\"");
        int childAt = page.indexOf("href=\"/categories/" + child + "\"");
        assertThat(parentAt).isPositive();
        assertThat(childAt).isGreaterThan(parentAt);
        assertThat(page.substring(parentAt, childAt)).contains("(0)").contains("<ul");
    }

    @Test
    void theArchiveListsThisMonthInTheSitesTimeZoneAndLeadsToItsPage() {
        fixtures.published("This month", TestPosts.unique("this-month-"), List.of(), null);
        YearMonth now = YearMonth.from(clock.instant().atZone(SiteTime.zone()));
        String path = String.format("/archive/%04d/%02d", now.getYear(), now.getMonthValue());
        String name = now.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + now.getYear();

        String page = given().get("/archive").then().statusCode(200).extract().asString();
        assertThat(page).contains("<a href=\"" + path + "\">" + name + "</a>");
        given().get(path).then().statusCode(200);
        // every page links the three indexes from its footer
        assertThat(given().get("/").asString()).contains("href=\"/archive\"").contains("href=\"/categories\"")
                .contains("href=\"/tags\"");
    }
}
