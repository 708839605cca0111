package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.post.Post;
import org.quillpress.security.StandIn;
import org.quillpress.support.QuietJobs;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;
import org.quillpress.web.SiteTime;
import org.quillpress.web.TemplateExtensions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The post page as readers get it: the shared article and thread rendered once per change, each reader's own
 * parts per request, and a cost that follows the page of comments shown, not the post's whole discussion.
 */
@QuarkusTest
class PostPageTest {

    @Inject
    DiscussionSettings settings;

    @Inject
    EntityManagerFactory emf;

    @Inject
    TestClock clock;

    DiscussionSettings.Rules original;

    @BeforeEach
    void noWaiting() {
        original = settings.current();
        settings.save(TestComments.withoutWaiting(original));
    }

    @AfterEach
    void restoreRules() {
        settings.save(original);
    }

    @Test
    void aSignedInReaderTakesTheSameFewStatementsWithAHundredCommentsOrTwoThousand() {
        String hundred = discussedPost(100);
        String many = discussedPost(2000);
        WebClient reader = TestAccounts.create(Role.READER, "Counted Reader").signIn();

        assertThat(reader.get("/posts/" + many).asString()).contains("2000 comments",
                "Commenting as <strong>Counted Reader</strong>", "comment number 0<").doesNotContain("comment number 1999<");
        long few = statementsFor(reader, "/posts/" + hundred);
        long lots = statementsFor(reader, "/posts/" + many);
        assertThat(lots).isEqualTo(few);
        // whether the reader has comments of their own there is asked once per change of the post's comments; the
        // post, its thread and the rest of the page are shared
        assertThat(lots).isZero();
    }

    @Test
    void readersGetOnePageMadeOnceEachWithTheirOwnNameAndToken() {
        String slug = discussedPost(5);
        String tricky = "Ann \"O'Neil\" & <Co>";
        WebClient ann = TestAccounts.create(Role.READER, tricky).signIn();
        WebClient bob = TestAccounts.create(Role.READER, "Bob Plain").signIn();
        WebClient author = TestAccounts.create(Role.AUTHOR, "Other Author").signIn();

        String first = ann.get("/posts/" + slug).asString();
        String bobs = bob.get("/posts/" + slug).asString();
        String again = ann.get("/posts/" + slug).asString();
        String authors = author.get("/posts/" + slug).asString();

        String shown = "Ann &quot;O&#39;Neil&quot; &amp; &lt;Co&gt;";
        for (String page : List.of(first, again)) {
            assertThat(page).contains("<a href=\"/account\">" + shown + "</a>", "Commenting as <strong>" + shown
                    + "</strong>", "comment number 4<").doesNotContain("Bob Plain", StandIn.PREFIX, tricky);
            assertThat(csrfValues(page)).containsOnly(tokenOf(first));
        }
        assertThat(bobs).contains("Commenting as <strong>Bob Plain</strong>").doesNotContain("O&#39;Neil",
                StandIn.PREFIX);
        assertThat(tokenOf(bobs)).isNotEqualTo(tokenOf(first));
        assertThat(csrfValues(bobs)).containsOnly(tokenOf(bobs));
        // another kind of visitor has a page of their own kind: an author's links, and no reader's name
        assertThat(authors).contains("href=\"/write\"", "Commenting as <strong>Other Author</strong>")
                .doesNotContain("Bob Plain", StandIn.PREFIX);
        assertThat(first).doesNotContain("href=\"/write\"");

        // the page's token and stamp are good for posting through its form
        Matcher started = Pattern.compile("name=\"started\" value=\"([^\"]+)\"").matcher(bobs);
        assertThat(started.find()).isTrue();
        Response posted = bob.postForm("/posts/" + slug + "/comments", Map.of("body", "Bob writes through his page",
                "action", "post", "started", started.group(1)), "/posts/" + slug);
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(bob.get("/posts/" + slug).asString()).contains("Bob writes through his page");
    }

    @Test
    void theFirstRenderAfterAChangeReadsOnlyThePageOfThreadsShown() {
        String hundred = discussedPost(100);
        String many = discussedPost(3000);

        long few = firstRenderStatements("/posts/" + hundred);
        long lots = firstRenderStatements("/posts/" + many);
        assertThat(lots).isEqualTo(few);
        // the post with its details and neighbours (3); the counts, the page's first comments, their threads
        assertThat(lots).isLessThanOrEqualTo(6);
        assertThat(WebClient.anonymous().get(Uncached.path("/posts/" + many + "?cpage=3")).asString())
                .contains("Page 3 of ", "3000 comments").doesNotContain("comment number 0<");
    }

    @Test
    void aReadersHeldCommentAndEditLinkShowToThemAloneOthersGetTheSharedPage() {
        String slug = discussedPost(3);
        WebClient writer = TestAccounts.create(Role.READER, "Held Writer").signIn();
        WebClient other = TestAccounts.create(Role.READER, "Other Reader").signIn();
        assertThat(other.get("/posts/" + slug).asString()).contains("3 comments");
        // known to have none of their own there, until they write one
        assertThat(writer.get("/posts/" + slug).asString()).contains("3 comments");

        long held = TestComments.created(TestComments.postAs(writer, slug, "Held for the writers eyes only"));

        assertThat(writer.get("/posts/" + slug).asString()).contains("Held for the writers eyes only",
                "Your comment is awaiting moderation.");
        assertThat(other.get("/posts/" + slug).asString()).doesNotContain("Held for the writers eyes only");
        assertThat(WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString())
                .doesNotContain("Held for the writers eyes only");

        TestComments.approve(held);
        assertThat(other.get("/posts/" + slug).asString()).contains("Held for the writers eyes only", "4 comments")
                .doesNotContain("/comments/" + held + "/edit");
        assertThat(writer.get("/posts/" + slug).asString()).contains("/comments/" + held + "/edit");
    }

    @Test
    void commentPagesHaveTheirOwnCanonicalAddressAndLinksWithoutScript() {
        settings.save(withPerPage(2));
        // five threads of up to four comments: three pages
        String slug = discussedPost(20);
        String last = WebClient.anonymous().get(Uncached.path("/posts/" + slug + "?cpage=2")).asString();

        assertThat(last).contains("rel=\"canonical\" href=\"" + "http", "/posts/" + slug + "?cpage=2\">")
                .contains("<a rel=\"prev\" href=\"/posts/" + slug + "#comments\">")
                .contains("<a rel=\"next\" class=\"older\" href=\"/posts/" + slug + "?cpage=3#comments\">");
        String first = WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString();
        assertThat(first).contains("/posts/" + slug + "\">").doesNotContain("?cpage=1");
    }

    @Test
    void aTenDeepThreadNestsEachReplyInsideWhatItAnswersNamesItAndFoldsLongSubThreads() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Deep "), "A deep thread.", List.of());
        List<Long> ids = chain(slug, 10);
        String page = WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString();

        Map<Long, Long> within = nesting(page);
        assertThat(within).hasSize(10).containsEntry(ids.get(0), null);
        for (int i = 1; i < 10; i++) {
            assertThat(within).containsEntry(ids.get(i), ids.get(i - 1));
            assertThat(page).contains("<li id=\"comment-" + ids.get(i) + "\" class=\"comment depth-" + (i + 1) + "\">",
                    "<span class=\"in-reply-to\">in reply to <a href=\"#comment-" + ids.get(i - 1) + "\">Chain writer "
                            + (i - 1) + "</a></span>");
        }
        assertThat(page).doesNotContain("in reply to <a href=\"#comment-" + ids.get(9) + "\"");
        // sub-threads of three replies or more fold, starting unfolded; shorter ones do not
        assertThat(page).contains("<details class=\"replies\" open><summary>9 replies to Chain writer 0</summary>",
                "<summary>3 replies to Chain writer 6</summary>").doesNotContain("2 replies to", "1 reply to");
        assertThat(count(page, "<details")).isEqualTo(7).isEqualTo(count(page, "</details>"));
        assertThat(count(page, "<ol")).isEqualTo(count(page, "</ol>")).isEqualTo(10);
    }

    @Test
    void aCommentShowsItsDateAndTimeInTheSitesZone() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Timed "), "Timed.", List.of());
        List<Long> ids = chain(slug, 1);
        Instant at = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment> findById(ids.get(0)).createdAt);
        String page = WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString();
        assertThat(SiteTime.dateTime(at)).matches(".*\\d{1,2}:\\d\\d.*");
        assertThat(page).contains("<a class=\"comment-permalink\" href=\"#comment-" + ids.get(0) + "\"><time datetime=\""
                + TemplateExtensions.iso(at) + "\">" + SiteTime.dateTime(at) + "</time></a>");
    }

    @Test
    void theAuthorBoxIsHeadedAboutTheAuthor() {
        var owner = TestAccounts.owner();
        String slug = TestPosts.publish(owner, TestPosts.unique("Authored "), "By the owner.", List.of());
        String page = WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString();
        assertThat(page).containsPattern("<aside class=\"author-box\" aria-labelledby=\"about-[^\"]+\">")
                .containsPattern("<h2 class=\"author-name\" id=\"about-[^\"]+\">About <a href=\"[^\"]+\">"
                        + Pattern.quote(escaped(owner.displayName())) + "</a></h2>");
    }

    @Test
    void aSignedInReaderChangesAccountAndIsBackAtTheFormsChoiceOfHowToComment() {
        String slug = discussedPost(1);
        WebClient reader = TestAccounts.create(Role.READER, "Changing Reader").signIn();
        assertThat(reader.get("/posts/" + slug).asString()).contains("Commenting as <strong>Changing Reader</strong> · "
                + "<button type=\"submit\" form=\"change-account-form\" class=\"link-button\">Change<span "
                + "class=\"visually-hidden\"> account</span></button> · <button type=\"submit\" form=\"logout-form\"",
                "<form action=\"/posts/" + slug
                        + "/comments/change-account\" method=\"post\" id=\"change-account-form\" hidden>"
                        + "<input type=\"hidden\" name=\"csrf-token\"");

        // without the form's token it is refused and changes nothing
        Response forged = reader.postFormWithoutToken("/posts/" + slug + "/comments/change-account", Map.of());
        assertThat(forged.statusCode()).isBetween(400, 499);
        assertThat(reader.get("/posts/" + slug).asString()).contains("Commenting as <strong>Changing Reader</strong>");

        Response changed = reader.postForm("/posts/" + slug + "/comments/change-account", Map.of(), "/posts/" + slug);
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.header("Location")).endsWith("/posts/" + slug + "#respond");
        assertThat(reader.get("/posts/" + slug).asString()).doesNotContain("Commenting as", "change-account-form")
                .contains("id=\"comment-field-name\"");
    }

    /** Approved comments each answering the one before, by "Chain writer 0" on down; their ids in that order. */
    List<Long> chain(String slug, int length) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Post post = Post.find("slug", slug).firstResult();
            List<Long> ids = new ArrayList<>();
            Comment parent = null;
            for (int i = 0; i < length; i++) {
                Comment c = new Comment();
                c.post = post;
                c.parent = parent;
                c.depth = i + 1;
                c.path = "";
                c.authorName = "Chain writer " + i;
                c.bodyMarkdown = "link " + i;
                c.bodyHtml = "<p>link " + i + "</p>";
                c.status = CommentStatus.APPROVED;
                c.createdAt = clock.instant();
                c.persist();
                c.path = (parent == null ? "" : parent.path + "/") + Comment.segment(c.id);
                ids.add(c.id);
                parent = c;
            }
            return ids;
        });
    }

    /** Each comment's item on the page and the comment item it lies within (null for none), read from the HTML. */
    static Map<Long, Long> nesting(String page) {
        Map<Long, Long> within = new HashMap<>();
        Deque<Long> open = new ArrayDeque<>();
        Matcher m = Pattern.compile("<li id=\"comment-(\\d+)\"|<li[ >]|</li>").matcher(page);
        while (m.find()) {
            if (m.group(1) != null) {
                long id = Long.parseLong(m.group(1));
                within.put(id, open.stream().filter(x -> x >= 0).findFirst().orElse(null));
                open.push(id);
            } else if (m.group().startsWith("<li")) {
                open.push(-1L);
            } else {
                open.pop();
            }
        }
        assertThat(open).as("every item is closed").isEmpty();
        return within;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'",
                "&#39;");
    }

    /** Statements a page takes once its shared parts are built: the fewest of three requests. */
    private static List<String> csrfValues(String page) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"" + WebClient.CSRF + "\" value=\"([^\"]*)\"").matcher(page);
        while (m.find()) {
            values.add(m.group(1));
        }
        assertThat(values).as("the page's forms carry a CSRF token").isNotEmpty();
        return values;
    }

    private static String tokenOf(String page) {
        return csrfValues(page).get(0);
    }

    long statementsFor(WebClient client, String path) {
        QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            assertThat(client.get(path).statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    /** Statements of a guest's first request for a page after a change (saving the discussion rules). */
    long firstRenderStatements(String path) {
        QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            settings.save(settings.current());
            // the change also has the search index rebuilt, which reads every post in a thread of its own
            QuietJobs.awaitOutboxDrained();
            statistics.clear();
            Response response = WebClient.anonymous().get(Uncached.path(path));
            assertThat(response.statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    DiscussionSettings.Rules withPerPage(int perPage) {
        DiscussionSettings.Rules r = settings.current();
        return new DiscussionSettings.Rules(r.threadDepth(), r.editWindowMinutes(), r.closeAfterDays(),
                r.floodSeconds(), r.hourlyLimit(), r.minSecondsToWrite(), r.linkLimit(), r.requireApproval(),
                r.requirePriorApproval(), r.holdTerms(), r.spamTerms(), perPage);
    }

    /**
     * A published post with {@code count} approved comments in threads of up to four (a top-level comment and
     * replies each to the one before), written straight to the database for speed.
     */
    String discussedPost(int count) {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Paged "), "A post to page.",
                List.of());
        QuarkusTransaction.requiringNew().run(() -> {
            Post post = Post.find("slug", slug).firstResult();
            Comment parent = null;
            for (int i = 0; i < count; i++) {
                Comment c = new Comment();
                c.post = post;
                c.parent = i % 4 == 0 ? null : parent;
                c.depth = c.parent == null ? 1 : c.parent.depth + 1;
                c.path = "";
                c.authorName = "Writer " + (i % 13);
                c.bodyMarkdown = "comment number " + i;
                c.bodyHtml = "<p>comment number " + i + "</p>";
                c.status = CommentStatus.APPROVED;
                c.createdAt = clock.instant();
                c.persist();
                c.path = (c.parent == null ? "" : c.parent.path + "/") + Comment.segment(c.id);
                parent = c;
                if (i % 200 == 199) {
                    Comment.getEntityManager().flush();
                }
            }
        });
        return slug;
    }
}
