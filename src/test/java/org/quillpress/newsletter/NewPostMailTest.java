package org.quillpress.newsletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.mail.Inbox;
import org.quillpress.mail.MailProfile;
import org.quillpress.post.Post;
import org.quillpress.post.PostInput;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostSaved;
import org.quillpress.post.TermService;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;
import org.quillpress.web.SiteTime;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Readers subscribe to new posts by mail: double opt-in, a mail per post or a digest, and leaving with one click. */
@QuarkusTest
@TestProfile(MailProfile.class)
class NewPostMailTest {

    private static final String CONFIRM_SUBJECT = "Confirm your subscription to";
    private static final String DIGEST_SUBJECT = "New posts on";

    @Test
    void aReaderGetsOnlyTheConfirmationUntilTheyFollowItThenAMailPerPostUntilTheyLeaveWithOneClick() {
        String reader = address("each");
        Response asked = subscribe(reader, "all", List.of(), "each-post");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.asString()).contains("Check your mail").doesNotContain(reader);
        String confirm = link(Inbox.text(Inbox.await(reader, CONFIRM_SUBJECT, 1).get(0)), "/subscribe/confirm/");

        // before the confirmation a new post mails nothing
        String early = publish("Early news ", null);
        Inbox.exactly(reader, "", 1);
        Inbox.exactly(reader, early, 0);

        Response confirmed = WebClient.anonymous().get(confirm);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.asString()).contains("You are subscribed").contains("/subscribe/manage/");
        assertThat(confirmed.header("Cache-Control")).contains("no-store");
        // the link works once
        assertThat(WebClient.anonymous().get(confirm).statusCode()).isEqualTo(410);

        String title = publish("Fresh news ", null);
        MimeMessage mail = Inbox.exactly(reader, "New post: " + title, 1).get(0);
        String slug = slugOf(title);
        assertThat(Inbox.text(mail)).contains(title).contains(siteUrl() + "/posts/" + slug)
                .contains(siteUrl() + "/subscribe/manage/");
        assertThat(Inbox.html(mail)).contains("href=\"" + siteUrl() + "/posts/" + slug + "\"")
                .contains("href=\"" + siteUrl() + "/subscribe/manage/");
        String unsubscribe = Inbox.header(mail, "List-Unsubscribe");
        assertThat(unsubscribe)
                .matches("<" + Pattern.quote(siteUrl()) + "/subscribe/manage/[0-9]+\\.[A-Za-z0-9_-]+/unsubscribe>");
        assertThat(Inbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        // saving the post again announces nothing more
        long postId = QuarkusTransaction.requiringNew().call(() -> Post.findBySlug(slug).orElseThrow().id);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(NewPostMails.class).get()
                .onPostSaved(new PostSaved(postId, slug, PostKind.POST)));
        Inbox.exactly(reader, "New post: " + title, 1);

        // the mail program's one-click POST: no cookie, no CSRF token, no redirect
        String oneClick = unsubscribe.substring(siteUrl().length() + 1, unsubscribe.length() - 1);
        Response left = given().redirects().follow(false).multiPart("List-Unsubscribe", "One-Click").post(oneClick);
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.header("Location")).isNull();
        assertThat(left.asString()).contains("You are unsubscribed");

        String later = publish("Later news ", null);
        Inbox.exactly(reader, later, 0);
        assertThat(WebClient.anonymous().get(oneClick.replace("/unsubscribe", "")).statusCode()).isEqualTo(404);
    }

    @Test
    void aScheduledPostIsAnnouncedWhenItsTimeComes() {
        String reader = subscribed(address("scheduled"), "all", List.of(), "each-post");
        String title = TestPosts.unique("Scheduled news ");
        Instant at = TestClock.current().instant().plus(Duration.ofMinutes(5));
        TestPosts.save(TestAccounts.owner(), new PostInput(title, "Soon.", null, List.of(), null, null, "SCHEDULED",
                at.toString(), true, null, null, null, null));
        Inbox.exactly(reader, title, 0);
        TestClock.current().advanceTo(at.plusSeconds(1));
        Inbox.await(reader, "New post: " + title, 1);
        Inbox.exactly(reader, "New post: " + title, 1);
    }

    @Test
    void anAnnouncementAnInstanceLeftUnmailedIsMailedOnceByTheNextChecks() {
        String title = publish("Left unmailed ", null);
        long postId = QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> find("title", title).firstResult().id);
        // the mails are written after the publishing transaction, on a worker
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> PostAnnouncement.<PostAnnouncement> findById(postId).mailedAt != null));
        String reader = subscribed(address("recovered"), "all", List.of(), "each-post");
        // as if the instance had stopped between the publication's commit and its mails
        QuarkusTransaction.requiringNew().run(() -> PostAnnouncement.<PostAnnouncement> findById(postId).mailedAt = null);

        NewPostMails mails = Arc.container().instance(NewPostMails.class).get();
        mails.mailUnmailed();
        mails.mailUnmailed();

        Inbox.exactly(reader, "New post: " + title, 1);
        assertThat(mails.mailAnnouncement(postId)).isFalse();
    }

    @Test
    void aReaderOfSomeCategoriesHearsOnlyOfTheirPosts() {
        String wanted = category("Wanted");
        String other = category("Other");
        String reader = subscribed(address("category"), "categories", List.of(slugOfCategory(wanted)), "each-post");
        String elsewhere = publish("Elsewhere ", other);
        String inside = publish("Inside ", wanted);
        Inbox.exactly(reader, "New post: " + inside, 1);
        Inbox.exactly(reader, elsewhere, 0);
    }

    @Test
    void theDailyDigestListsTheDaysPostsAtTheSetTimeOnceAndNothingWhenNothingIsNew() {
        String topic = category("Digest");
        String quiet = category("Quiet");
        String reader = subscribed(address("daily"), "categories", List.of(slugOfCategory(topic)), "daily");
        String idle = subscribed(address("idle"), "categories", List.of(slugOfCategory(quiet)), "daily");
        String first = publish("Morning ", topic);
        String second = publish("Evening ", topic);
        // a digest reader gets no mail per post
        Inbox.exactly(reader, first, 0);

        LocalTime at = ConfigProvider.getConfig().getValue("quillpress.newsletter.digest-at", LocalTime.class);
        Instant next = new DigestPeriods(SiteTime.zone(), at, java.time.DayOfWeek.MONDAY).latestEnd(Frequency.DAILY,
                TestClock.current().instant().plus(Duration.ofDays(1)));
        PostDigests digests = Arc.container().instance(PostDigests.class).get();
        digests.sendDue(next.minusSeconds(60));
        Inbox.exactly(reader, DIGEST_SUBJECT, 0);

        digests.sendDue(next.plusSeconds(30));
        MimeMessage digest = Inbox.exactly(reader, DIGEST_SUBJECT, 1).get(0);
        assertThat(Inbox.text(digest)).contains(first).contains(second)
                .contains(siteUrl() + "/posts/" + slugOf(first)).contains(siteUrl() + "/subscribe/manage/");
        assertThat(Inbox.text(digest).indexOf(first)).isLessThan(Inbox.text(digest).indexOf(second));
        assertThat(Inbox.header(digest, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        Inbox.exactly(idle, DIGEST_SUBJECT, 0);

        // the same period again, and the next day with nothing new: no more mail
        digests.sendDue(next.plusSeconds(90));
        digests.sendDue(next.plus(Duration.ofDays(1)).plusSeconds(30));
        Inbox.exactly(reader, DIGEST_SUBJECT, 1);
        Inbox.exactly(idle, DIGEST_SUBJECT, 0);
    }

    @Test
    void twoInstancesSendingDigestsAtOnceSendEachOnce() throws Exception {
        String topic = category("Weekly");
        List<String> readers = List.of(address("week-a"), address("week-b"), address("week-c"));
        for (String reader : readers) {
            subscribed(reader, "categories", List.of(slugOfCategory(topic)), "weekly");
        }
        String title = publish("Weekly news ", topic);
        LocalTime at = ConfigProvider.getConfig().getValue("quillpress.newsletter.digest-at", LocalTime.class);
        java.time.DayOfWeek day = ConfigProvider.getConfig().getValue("quillpress.newsletter.weekly-on",
                java.time.DayOfWeek.class);
        Instant next = new DigestPeriods(SiteTime.zone(), at, day).latestEnd(Frequency.WEEKLY,
                TestClock.current().instant().plus(Duration.ofDays(7)));
        PostDigests digests = Arc.container().instance(PostDigests.class).get();

        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    start.await();
                    return digests.sendDue(next.plusSeconds(30));
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            instances.shutdownNow();
        }
        for (String reader : readers) {
            MimeMessage digest = Inbox.exactly(reader, DIGEST_SUBJECT, 1).get(0);
            assertThat(Inbox.text(digest)).contains(title);
        }
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndKeepsWhatWasTyped() {
        Response response = subscribe("not-an-address", "categories", List.of("no-such-category"), "hourly");
        assertThat(response.statusCode()).isEqualTo(400);
        String page = response.asString();
        assertThat(page).contains("id=\"email-error\"").contains("Enter an email address")
                .contains("id=\"category-error\"").contains("id=\"frequency-error\"")
                .contains("value=\"not-an-address\"");
        Response noScope = subscribe(address("scope"), "everything", List.of(), "daily");
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(noScope.asString()).contains("id=\"scope-error\"").contains("value=\"daily\" checked");
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> SubscribeRequest.count("email in ?1", List.of("not-an-address", address("scope")))))
                .isZero();
    }

    @Test
    void confirmationMailsToOneAddressAreLimitedAndTheAnswerNeverChanges() {
        String reader = address("limited");
        String first = section(subscribe(reader, "all", List.of(), "weekly"));
        for (int i = 0; i < 3; i++) {
            assertThat(section(subscribe(reader, "all", List.of(), "daily"))).isEqualTo(first);
        }
        // the same answer for an address nobody asked for before
        assertThat(section(subscribe(address("new"), "all", List.of(), "daily"))).isEqualTo(first);
        Inbox.await(reader, CONFIRM_SUBJECT, 3);
        Inbox.exactly(reader, CONFIRM_SUBJECT, 3);
    }

    @Test
    void theManagePageChangesTheSubscriptionAndItsTokenCannotBeForged() {
        String reader = address("manage");
        String managePath = confirmedManagePath(reader, "all", List.of(), "each-post");
        WebClient browser = WebClient.anonymous();
        Response page = browser.get(managePath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("value=\"each-post\" checked").doesNotContain(reader);

        Map<String, Object> change = Map.of("scope", "all", "frequency", "weekly");
        Response saved = browser.postForm(managePath, change);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(browser.get(managePath).asString()).contains("value=\"weekly\" checked");
        // without the CSRF token nothing changes
        assertThat(WebClient.anonymous().postFormWithoutToken(managePath, Map.of("scope", "all", "frequency", "daily"))
                .statusCode()).isEqualTo(400);

        String token = managePath.substring("/subscribe/manage/".length());
        long id = Long.parseLong(token.substring(0, token.indexOf('.')));
        String signature = token.substring(token.indexOf('.') + 1);
        for (String forged : List.of((id + 1) + "." + signature, id + "." + signature.substring(1) + "A", "" + id,
                id + ".", "x." + signature)) {
            assertThat(WebClient.anonymous().get("/subscribe/manage/" + forged).statusCode()).as(forged).isEqualTo(404);
            assertThat(given().redirects().follow(false).contentType(ContentType.URLENC)
                    .formParam("List-Unsubscribe", "One-Click").post("/subscribe/manage/" + forged + "/unsubscribe")
                    .statusCode()).as(forged).isEqualTo(404);
        }
        assertThat(browser.get(managePath).statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedInReaderFindsTheirAddressInTheFormAndNobodyElseDoes() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Subscribing Reader");
        Response own = reader.signIn().get("/subscribe");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.asString()).contains("value=\"" + reader.email() + "\"");
        assertThat(own.header("Cache-Control")).contains("no-store");
        Response guest = WebClient.anonymous().get("/subscribe");
        assertThat(guest.statusCode()).isEqualTo(200);
        assertThat(guest.asString()).doesNotContain(reader.email()).contains("name=\"email\"");
    }

    // fixtures

    private static String address(String who) {
        return TestPosts.unique(who + "-").toLowerCase() + "@reader.test";
    }

    private static Response subscribe(String email, String scope, List<String> categories, String frequency) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("email", email);
        fields.put("scope", scope);
        fields.put("frequency", frequency);
        if (!categories.isEmpty()) {
            fields.put("category", categories);
        }
        return WebClient.anonymous().postForm("/subscribe", fields);
    }

    /** Subscribes and confirms; returns the address. */
    private static String subscribed(String email, String scope, List<String> categories, String frequency) {
        confirmedManagePath(email, scope, categories, frequency);
        return email;
    }

    /** Subscribes and confirms; returns the manage page's path. */
    private static String confirmedManagePath(String email, String scope, List<String> categories, String frequency) {
        assertThat(subscribe(email, scope, categories, frequency).statusCode()).isEqualTo(200);
        String confirm = link(Inbox.text(Inbox.await(email, CONFIRM_SUBJECT, 1).get(0)), "/subscribe/confirm/");
        Response confirmed = WebClient.anonymous().get(confirm);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        Matcher manage = Pattern.compile("href=\"(/subscribe/manage/[^\"]+)\"").matcher(confirmed.asString());
        assertThat(manage.find()).isTrue();
        return manage.group(1);
    }

    /** Publishes a post with a unique title, in a category or none; returns the title. */
    private static String publish(String prefix, String category) {
        String title = TestPosts.unique(prefix);
        TestPosts.save(TestAccounts.owner(), new PostInput(title, "Something new.", null, List.of(), category, null,
                "PUBLISHED", null, true, null, null, null, null));
        return title;
    }

    /** A new category; returns its name. */
    private static String category(String prefix) {
        String name = TestPosts.unique(prefix);
        QuarkusTransaction.requiringNew()
                .run(() -> Arc.container().instance(TermService.class).get().createCategory(name, "", ""));
        return name;
    }

    private static String slugOfCategory(String name) {
        return QuarkusTransaction.requiringNew()
                .call(() -> org.quillpress.post.Category.findByName(name).orElseThrow().slug);
    }

    private static String slugOf(String title) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> find("title", title).firstResult().slug);
    }

    /** The path of the first link starting with {@code prefix} in a mail's text. */
    private static String link(String text, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(siteUrl()) + "(" + Pattern.quote(prefix) + "[0-9]+\\.[A-Za-z0-9_-]+)")
                .matcher(text);
        assertThat(m.find()).as("a link to %s in:%n%s", prefix, text).isTrue();
        return m.group(1);
    }

    private static String siteUrl() {
        return ConfigProvider.getConfig().getValue("quillpress.site-url", String.class);
    }

    /** The page's own part, without the layout around it. */
    private static String section(Response response) {
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.asString();
        return page.substring(page.indexOf("<section"), page.indexOf("</section>"));
    }
}
