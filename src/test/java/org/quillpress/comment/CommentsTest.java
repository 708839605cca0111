package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Ban;
import org.quillpress.account.Role;
import org.quillpress.post.PostInput;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class CommentsTest {

    private static final AtomicInteger GUESTS = new AtomicInteger();

    @Inject
    DiscussionSettings settings;

    @Inject
    EntityManagerFactory emf;

    @Inject
    TestClock clock;

    DiscussionSettings.Rules original;

    @BeforeEach
    void quickRules() {
        original = settings.current();
        // most tests are not about speed limits; those that are set them again
        save(0, 1);
    }

    @AfterEach
    void restoreRules() {
        settings.save(original);
    }

    void save(int minSecondsToWrite, int floodSeconds) {
        DiscussionSettings.Rules r = settings.current();
        settings.save(new DiscussionSettings.Rules(r.threadDepth(), r.editWindowMinutes(), r.closeAfterDays(),
                floodSeconds, r.hourlyLimit(), minSecondsToWrite, r.linkLimit(), r.requireApproval(),
                r.requirePriorApproval(), r.holdTerms(), r.spamTerms(), r.commentsPerPage()));
    }

    static String email() {
        return "guest" + GUESTS.incrementAndGet() + "-" + System.nanoTime() + "@readers.test";
    }

    static String newPost() {
        return TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Discussed "), "A post to discuss.", List.of());
    }

    static Response apiComment(String slug, Map<String, Object> body) {
        Map<String, Object> stamped = new HashMap<>(body);
        stamped.putIfAbsent("started", TestComments.stamp(slug));
        return WebClient.anonymous().request().contentType(ContentType.JSON).accept(ContentType.JSON).body(stamped)
                .post("/api/v1/posts/" + slug + "/comments");
    }

    static Map<String, Object> guest(String body, String name, String email) {
        Map<String, Object> m = new HashMap<>();
        m.put("body", body);
        m.put("name", name);
        m.put("email", email);
        return m;
    }

    /** Loads the post page like a browser and sends its comment form with these fields. */
    static Response formComment(WebClient client, String slug, Map<String, String> fields) {
        String page = client.get("/posts/" + slug).asString();
        Map<String, Object> all = new HashMap<>(hiddenFields(page));
        all.putAll(fields);
        return client.keep(client.request().contentType(ContentType.URLENC).formParams(all)
                .post("/posts/" + slug + "/comments"));
    }

    static Map<String, String> hiddenFields(String page) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(csrf-token|started)\" value=\"([^\"]*)\"")
                .matcher(page);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    static long id(Response created) {
        return created.jsonPath().getLong("id");
    }

    static Comment stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment> findById(id));
    }

    static void approve(long id) {
        Response r = WebClient.owner().json().post("/api/v1/moderation/comments/" + id + "/approve");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void aGuestsFirstCommentIsHeldWithItsReasonAndShownOnlyToTheGuest() {
        String slug = newPost();
        WebClient guest = WebClient.anonymous();
        Response posted = formComment(guest, slug,
                Map.of("body", "My *first* thoughts here.", "name", "Ada Guest", "email", email()));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.header("Location")).matches(".*/posts/" + slug + "#comment-\\d+");

        String own = guest.get("/posts/" + slug).asString();
        assertThat(own).contains("My <em>first</em> thoughts here.").contains("Your comment is awaiting moderation.")
                .contains("value=\"Ada Guest\"");
        String stranger = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(stranger).doesNotContain("first</em> thoughts").contains("No comments yet");

        long id = Long.parseLong(posted.header("Location").replaceAll(".*#comment-", ""));
        Comment comment = stored(id);
        assertThat(comment.status).isEqualTo(CommentStatus.PENDING);
        assertThat(comment.reasons).isEqualTo("first comment from this email");
    }

    @Test
    void afterApprovalTheGuestsNextCommentIsApprovedAtOnceAndAReplyNestsUnderIt() {
        String slug = newPost();
        String mail = email();
        Response first = apiComment(slug, guest("Opening remark.", "Bea Reader", mail));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.jsonPath().getString("status")).isEqualTo("PENDING");
        assertThat(WebClient.anonymous().get("/api/v1/posts/" + slug + "/comments").asString())
                .doesNotContain("Opening remark.");

        approve(id(first));
        String page = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(page).contains("Opening remark.").contains("1 comment").doesNotContain(mail);

        clock.advance(Duration.ofSeconds(1));
        Map<String, Object> reply = guest("A follow-up from me.", "Bea Reader", mail);
        reply.put("parentId", id(first));
        Response second = apiComment(slug, reply);
        assertThat(second.jsonPath().getString("status")).isEqualTo("APPROVED");

        List<Map<String, Object>> tree = WebClient.anonymous().get("/api/v1/posts/" + slug + "/comments").jsonPath()
                .getList("$");
        assertThat(tree).hasSize(2);
        assertThat(((Number) tree.get(1).get("parentId")).longValue()).isEqualTo(id(first));
        assertThat(tree.get(1).get("depth")).isEqualTo(2);
        assertThat(WebClient.anonymous().get("/api/v1/posts/" + slug + "/comments").asString()).doesNotContain(mail)
                .doesNotContain("127.0.0.1");
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString())
                .contains("class=\"comment depth-2\"");
    }

    @Test
    void aReplyBelowTheDeepestLevelJoinsItsParentsReplies() {
        String slug = newPost();
        TestAccounts.Created moderator = TestAccounts.create(Role.MODERATOR, "Deep Moderator");
        WebClient client = moderator.signIn();
        Long parent = null;
        long last = 0;
        for (int depth = 1; depth <= 6; depth++) {
            Map<String, Object> body = new HashMap<>();
            body.put("body", "level " + depth);
            body.put("parentId", parent);
            Response r = client.json().body(body).post("/api/v1/posts/" + slug + "/comments");
            assertThat(r.jsonPath().getString("status")).isEqualTo("APPROVED");
            last = id(r);
            parent = last;
        }
        Comment sixth = stored(last);
        assertThat(sixth.depth).isEqualTo(5);
        Comment fifth = stored(sixth.parent.id);
        assertThat(fifth.bodyMarkdown).isEqualTo("level 4");
    }

    @Test
    void aLinkStuffedCommentIsHeldSayingWhy() {
        String slug = newPost();
        String mail = email();
        long first = id(apiComment(slug, guest("Hello there.", "Cai Linker", mail)));
        approve(first);
        clock.advance(Duration.ofSeconds(1));
        Response links = apiComment(slug, guest("See [one](https://a.example) and [two](https://b.example).",
                "Cai Linker", mail));
        assertThat(links.jsonPath().getString("status")).isEqualTo("PENDING");
        assertThat(stored(id(links)).reasons).isEqualTo("2 links (limit 2)");
    }

    @Test
    void aBotFillingTheHiddenFieldIsStoredAsSpamAndNeverShown() {
        String slug = newPost();
        WebClient bot = WebClient.anonymous();
        Response posted = formComment(bot, slug, Map.of("body", "Cheap pills", "name", "Bot", "email", email(),
                "homepage", "https://spam.example"));
        assertThat(posted.statusCode()).isEqualTo(303);
        List<Comment> spam = QuarkusTransaction.requiringNew()
                .call(() -> Comment.<Comment> list("bodyMarkdown", "Cheap pills"));
        assertThat(spam).hasSize(1);
        assertThat(spam.get(0).status).isEqualTo(CommentStatus.SPAM);
        assertThat(spam.get(0).reasons).contains("filled the hidden field");
        assertThat(bot.get("/posts/" + slug).asString()).doesNotContain("Cheap pills");
    }

    @Test
    void postingFasterThanAPersonCouldOrWithAForgedFormIsSpam() {
        save(3, 1);
        String slug = newPost();
        Response quick = formComment(WebClient.anonymous(), slug,
                Map.of("body", "Too quick " + email(), "name", "Speedy", "email", email()));
        assertThat(quick.statusCode()).isEqualTo(303);
        Response forged = formComment(WebClient.anonymous(), slug,
                Map.of("body", "Forged stamp", "name", "Forger", "email", email(), "started", "1.abc"));
        assertThat(forged.statusCode()).isEqualTo(303);
        List<Comment> both = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment> list(
                "post.slug = ?1 order by id", slug));
        assertThat(both).extracting(c -> c.status).containsExactly(CommentStatus.SPAM, CommentStatus.SPAM);
        assertThat(both.get(0).reasons).contains("after the form was shown (minimum 3 s)");
        assertThat(both.get(1).reasons).contains("the form was not one this site showed");
    }

    @Test
    void aFloodIsSlowedDownAndARepeatIsRefused() {
        save(0, 15);
        String slug = newPost();
        String mail = email();
        assertThat(apiComment(slug, guest("One", "Flo Od", mail)).statusCode()).isEqualTo(201);
        Response flood = apiComment(slug, guest("Two", "Flo Od", mail));
        assertThat(flood.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(flood.header("Retry-After"))).isBetween(1, 15);
        assertThat(flood.contentType()).startsWith("application/problem+json");
        clock.advance(Duration.ofSeconds(15));
        assertThat(apiComment(slug, guest("Two", "Flo Od", mail)).statusCode()).isEqualTo(201);

        save(0, 1);
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Repeating Reader");
        WebClient client = reader.signIn();
        assertThat(client.json().body(Map.of("body", "Same words")).post("/api/v1/posts/" + slug + "/comments")
                .statusCode()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(1));
        Response repeat = client.json().body(Map.of("body", "Same words")).post("/api/v1/posts/" + slug + "/comments");
        assertThat(repeat.statusCode()).isEqualTo(409);
        assertThat(repeat.jsonPath().getString("errors.body")).contains("Duplicate comment");
    }

    @Test
    void badInputIsRefusedNamingTheFieldKeepingTheTextAndStoringNothing() {
        String slug = newPost();
        long before = QuarkusTransaction.requiringNew().call(() -> Comment.count());
        Response noName = formComment(WebClient.anonymous(), slug,
                Map.of("body", "My precious words", "name", "", "email", email()));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.asString()).contains("Enter your name.").contains("My precious words");

        assertThat(apiComment(slug, guest("x", "N", "not-an-email")).jsonPath().getString("errors.email"))
                .contains("such as name@example.org");
        assertThat(apiComment(slug, guest("x", "n".repeat(246), email())).jsonPath().getString("errors.name"))
                .contains("245 bytes");
        assertThat(apiComment(slug, guest("x", "N", "a".repeat(95) + "@b.example")).jsonPath()
                .getString("errors.email")).contains("100 bytes");
        Map<String, Object> site = guest("x", "N", email());
        site.put("website", "javascript:alert(1)");
        assertThat(apiComment(slug, site).jsonPath().getString("errors.website")).contains("https://");
        site.put("website", "https://example.org/" + "a".repeat(200));
        assertThat(apiComment(slug, site).jsonPath().getString("errors.website")).contains("200 bytes");
        assertThat(apiComment(slug, guest("   ", "N", email())).jsonPath().getString("errors.body"))
                .contains("Write a comment first.");
        assertThat(apiComment(slug, guest("a".repeat(65_526), "N", email())).jsonPath().getString("errors.body"))
                .contains("the limit is 65525");
        Map<String, Object> orphan = guest("x", "N", email());
        orphan.put("parentId", 999_999_999L);
        assertThat(apiComment(slug, orphan).jsonPath().getString("errors.parentId")).contains("not on this post");
        assertThat(apiComment("no-such-post-at-all", guest("x", "N", email())).statusCode()).isEqualTo(404);

        WebClient noToken = WebClient.anonymous();
        noToken.get("/posts/" + slug);
        assertThat(noToken.postFormWithoutToken("/posts/" + slug + "/comments",
                Map.of("body", "no token", "name", "N", "email", email())).statusCode()).isEqualTo(400);

        assertThat(QuarkusTransaction.requiringNew().call(() -> Comment.count())).isEqualTo(before);
    }

    @Test
    void closedPostsAndBannedWritersAreRefused() {
        String closed = TestPosts.save(TestAccounts.owner(), new PostInput(TestPosts.unique("Closed "), "x", null,
                List.of(), null, null, "PUBLISHED", null, false, null, null, null, null));
        Response refused = apiComment(closed, guest("Hello", "N", email()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.jsonPath().getString("errors.body")).contains("Comments are closed");
        assertThat(WebClient.anonymous().get("/posts/" + closed).asString()).contains("Comments are closed.")
                .doesNotContain("Leave a reply");

        String banned = email();
        QuarkusTransaction.requiringNew().run(() -> {
            Ban ban = new Ban();
            ban.kind = Ban.Kind.EMAIL;
            ban.value = banned;
            ban.reason = "persistent abuse";
            ban.createdAt = clock.instant();
            ban.persist();
        });
        Response banResponse = apiComment(newPost(), guest("Let me in", "Banned Person", banned));
        assertThat(banResponse.statusCode()).isEqualTo(403);
        assertThat(banResponse.jsonPath().getString("errors.body")).contains("persistent abuse");
    }

    @Test
    void commentMarkdownIsASafeSubset() {
        String slug = newPost();
        TestAccounts.Created staff = TestAccounts.create(Role.MODERATOR, "Safe Moderator");
        String body = "<script>alert(1)</script> <b>bold?</b>\n\n[ok](https://ok.example) [bad](javascript:alert(1)) "
                + "[data](data:text/html;base64,PHNjcmlwdD4=) ![img](https://img.example/x.png)\n\n- one\n- two";
        long id = id(staff.signIn().json().body(Map.of("body", body)).post("/api/v1/posts/" + slug + "/comments"));
        String html = stored(id).bodyHtml;
        assertThat(html).contains("&lt;script&gt;").contains("&lt;b&gt;bold?&lt;/b&gt;")
                .contains("<a href=\"https://ok.example\" rel=\"nofollow ugc noopener\">ok</a>")
                .contains("<li>one</li>").doesNotContain("<script", "javascript:", "data:text", "<img");
        String page = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(page).contains("rel=\"nofollow ugc noopener\"").doesNotContain("<script>alert(1)");
    }

    @Test
    void signedInReadersCommentAsThemselvesAndThePostAuthorIsApprovedWithABadge() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Rhea Reader");
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Otto Author");
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Authored "), "x", List.of());
        WebClient client = reader.signIn();
        String page = client.get("/posts/" + slug).asString();
        assertThat(page).contains("Commenting as <strong>Rhea Reader</strong>").doesNotContain("name=\"email\"");

        Response first = formComment(client, slug, Map.of("body", "Reader's view"));
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(client.get("/posts/" + slug).asString()).contains("Your comment is awaiting moderation.");

        Response byAuthor = author.signIn().json().body(Map.of("body", "Thanks for reading"))
                .post("/api/v1/posts/" + slug + "/comments");
        assertThat(byAuthor.jsonPath().getString("status")).isEqualTo("APPROVED");
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("Post author")
                .contains("Thanks for reading").doesNotContain("Reader's view");
    }

    @Test
    void commentsCloseByThemselvesSomeDaysAfterPublishing() {
        String slug = TestPosts.save(TestAccounts.owner(), new PostInput(
                TestPosts.unique("An older post "), "Written a while ago.", null, List.of(), null, null, "published",
                clock.instant().minus(Duration.ofDays(20)).toString(), true, null, "POST", null, null));
        DiscussionSettings.Rules r = settings.current();
        settings.save(new DiscussionSettings.Rules(r.threadDepth(), r.editWindowMinutes(), 14, r.floodSeconds(),
                r.hourlyLimit(), r.minSecondsToWrite(), r.linkLimit(), r.requireApproval(), r.requirePriorApproval(),
                r.holdTerms(), r.spamTerms(), r.commentsPerPage()));

        // the closed post shows no form: this one was opened on another post, as a script or an old tab would
        WebClient late = WebClient.anonymous();
        Map<String, Object> fields = new HashMap<>(hiddenFields(late.get("/posts/" + newPost()).asString()));
        fields.putAll(Map.of("body", "Too late?", "name", "Lena Late", "email", email()));
        Response refused = late.keep(late.request().contentType(ContentType.URLENC).formParams(fields)
                .post("/posts/" + slug + "/comments"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("Comments are closed on this post.");

        settings.save(new DiscussionSettings.Rules(r.threadDepth(), r.editWindowMinutes(), 30, r.floodSeconds(),
                r.hourlyLimit(), r.minSecondsToWrite(), r.linkLimit(), r.requireApproval(), r.requirePriorApproval(),
                r.holdTerms(), r.spamTerms(), r.commentsPerPage()));
        assertThat(formComment(WebClient.anonymous(), slug,
                Map.of("body", "Just in time", "name", "Tim Intime", "email", email())).statusCode()).isEqualTo(303);
    }

    @Test
    void aCommentCanNoLongerBeEditedOnceTheEditWindowIsOver() {
        String slug = newPost();
        WebClient guest = WebClient.anonymous();
        Response posted = formComment(guest, slug, Map.of("body", "Soon frozen", "name", "Fay Frozen", "email", email()));
        long id = Long.parseLong(posted.header("Location").replaceAll(".*#comment-", ""));
        assertThat(guest.get("/comments/" + id + "/edit").statusCode()).isEqualTo(200);

        DiscussionSettings.Rules r = settings.current();
        settings.save(new DiscussionSettings.Rules(r.threadDepth(), 0, r.closeAfterDays(), r.floodSeconds(),
                r.hourlyLimit(), r.minSecondsToWrite(), r.linkLimit(), r.requireApproval(), r.requirePriorApproval(),
                r.holdTerms(), r.spamTerms(), r.commentsPerPage()));
        Response late = guest.get("/comments/" + id + "/edit");
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.asString()).contains("that time is over");
    }

    @Test
    void guestsMayEditTheirOwnCommentForAWhileAndTheOldTextIsKept() {
        String slug = newPost();
        WebClient guest = WebClient.anonymous();
        Response posted = formComment(guest, slug, Map.of("body", "Typo here", "name", "Eda", "email", email()));
        long id = Long.parseLong(posted.header("Location").replaceAll(".*#comment-", ""));
        assertThat(guest.get("/comments/" + id + "/edit").statusCode()).isEqualTo(200);
        Response edited = guest.postForm("/comments/" + id + "/edit", Map.of("body", "No typo here"),
                "/comments/" + id + "/edit");
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(stored(id).bodyMarkdown).isEqualTo("No typo here");
        List<CommentRevision> history = QuarkusTransaction.requiringNew()
                .call(() -> CommentRevision.<CommentRevision> list("comment.id", id));
        assertThat(history).extracting(r -> r.bodyMarkdown).containsExactly("Typo here");

        WebClient other = WebClient.anonymous();
        assertThat(other.get("/comments/" + id + "/edit").statusCode()).isEqualTo(404);
        assertThat(other.postForm("/comments/" + id + "/delete", Map.of(), "/").statusCode()).isEqualTo(404);
        assertThat(guest.postForm("/comments/" + id + "/delete", Map.of(), "/comments/" + id + "/edit").statusCode())
                .isEqualTo(303);
        assertThat(stored(id).status).isEqualTo(CommentStatus.TRASH);
    }

    @Test
    void theReplyPageWorksWithoutScript() {
        String slug = newPost();
        TestAccounts.Created staff = TestAccounts.create(Role.MODERATOR, "Replied Moderator");
        long id = id(staff.signIn().json().body(Map.of("body", "Reply to me")).post("/api/v1/posts/" + slug
                + "/comments"));
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString())
                .contains("href=\"/posts/" + slug + "/comments/" + id + "/reply#respond\"");
        String reply = WebClient.anonymous().get("/posts/" + slug + "/comments/" + id + "/reply").asString();
        assertThat(reply).contains("Reply to Replied Moderator").contains("name=\"parentId\" id=\"comment-parent\" value=\""
                + id + "\"").contains("Reply to me");
    }

    @Test
    void theCommentsFeedHasApprovedCommentsOnly() {
        String slug = newPost();
        long approved = id(apiComment(slug, guest("Feed worthy", "Fay", email())));
        approve(approved);
        apiComment(slug, guest("Still held", "Gil", email()));
        String feed = WebClient.anonymous().get("/posts/" + slug + "/comments/feed").asString();
        assertThat(feed).contains("<feed").contains("Feed worthy").doesNotContain("Still held")
                .doesNotContain("@readers.test");
        assertThat(WebClient.anonymous().get("/comments/feed").asString()).contains("Feed worthy");
    }

    @Test
    void aPostPageTakesTheSameStatementsWithAHundredCommentsOrAThousand() {
        String hundred = newPost();
        String thousand = newPost();
        insertThread(hundred, 100);
        insertThread(thousand, 1000);
        DiscussionSettings.Rules r = settings.current();
        // one page shows all of them, so the thousand are really built into the page
        settings.save(new DiscussionSettings.Rules(r.threadDepth(), r.editWindowMinutes(), r.closeAfterDays(),
                r.floodSeconds(), r.hourlyLimit(), r.minSecondsToWrite(), r.linkLimit(), r.requireApproval(),
                r.requirePriorApproval(), r.holdTerms(), r.spamTerms(), 1000));
        assertThat(WebClient.anonymous().get("/posts/" + thousand).asString()).contains("1000 comments",
                "comment number 999");
        assertThat(statementsFor("/posts/" + thousand)).isEqualTo(statementsFor("/posts/" + hundred));
    }

    /** Approved comments in threads up to five deep, written straight to the database for speed. */
    void insertThread(String slug, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            org.quillpress.post.Post post = org.quillpress.post.Post.find("slug", slug).firstResult();
            Comment parent = null;
            for (int i = 0; i < count; i++) {
                Comment c = new Comment();
                c.post = post;
                c.parent = parent != null && parent.depth < 5 && i % 3 != 0 ? parent : null;
                c.depth = c.parent == null ? 1 : c.parent.depth + 1;
                c.path = "";
                c.authorName = "Writer " + (i % 17);
                c.bodyMarkdown = "comment number " + i;
                c.bodyHtml = "<p>comment number " + i + "</p>";
                c.status = CommentStatus.APPROVED;
                c.createdAt = clock.instant();
                c.persistAndFlush();
                c.path = (c.parent == null ? "" : c.parent.path + "/") + Comment.segment(c.id);
                parent = c;
            }
        });
    }

    @Test
    void longThreadsArePagedAndACommentsPermalinkFindsItsPage() {
        DiscussionSettings.Rules r = settings.current();
        settings.save(new DiscussionSettings.Rules(r.threadDepth(), r.editWindowMinutes(), r.closeAfterDays(),
                r.floodSeconds(), r.hourlyLimit(), r.minSecondsToWrite(), r.linkLimit(), r.requireApproval(),
                r.requirePriorApproval(), r.holdTerms(), r.spamTerms(), 2));
        String slug = newPost();
        WebClient staff = TestAccounts.create(Role.MODERATOR, "Paging Moderator").signIn();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(id(staff.json().body(Map.of("body", "top level " + i)).post("/api/v1/posts/" + slug + "/comments")));
        }
        Map<String, Object> reply = new HashMap<>();
        reply.put("body", "reply to the fifth");
        reply.put("parentId", ids.get(4));
        long replyId = id(staff.json().body(reply).post("/api/v1/posts/" + slug + "/comments"));

        String first = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(first).contains("top level 1", "top level 2", "Page 1 of 3", "Newer comments")
                .doesNotContain("top level 3");
        String last = WebClient.anonymous().get("/posts/" + slug + "?cpage=3").asString();
        assertThat(last).contains("top level 5", "reply to the fifth", "Older comments").doesNotContain("top level 4");

        Response permalink = WebClient.anonymous().get("/comments/" + replyId);
        assertThat(permalink.statusCode()).isEqualTo(303);
        assertThat(permalink.header("Location")).endsWith("/posts/" + slug + "?cpage=3#comment-" + replyId);
        assertThat(WebClient.anonymous().get("/comments/" + ids.get(0)).header("Location"))
                .endsWith("/posts/" + slug + "#comment-" + ids.get(0));
    }

    long statementsFor(String path) {
        org.quillpress.support.QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            assertThat(WebClient.anonymous().get(path).statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }
}
