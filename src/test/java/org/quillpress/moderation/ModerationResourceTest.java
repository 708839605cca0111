package org.quillpress.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quillpress.moderation.ModerationFixtures.entry;
import static org.quillpress.moderation.ModerationFixtures.moderator;
import static org.quillpress.moderation.ModerationFixtures.post;
import static org.quillpress.moderation.ModerationFixtures.status;
import static org.quillpress.moderation.ModerationFixtures.tabCounts;
import static org.quillpress.support.TestComments.approve;
import static org.quillpress.support.TestComments.guestComment;
import static org.quillpress.support.TestComments.guestEmail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Ban;
import org.quillpress.account.Role;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentRevision;
import org.quillpress.comment.CommentStatus;
import org.quillpress.comment.DiscussionSettings;
import org.quillpress.comment.ModerationAction;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ModerationResourceTest {

    @Inject
    DiscussionSettings settings;

    @Test
    void anonymousVisitorsAreSentToSignInAndBroughtBack() {
        Response response = WebClient.anonymous().get("/moderation");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location"))
                .contains("/login?redirect=" + URLEncoder.encode("/moderation", StandardCharsets.UTF_8));
    }

    @Test
    void aWritersHistoryStopsCountingPastOneHundred() {
        String slug = post("Prolific writer ");
        long held = guestComment(slug, "Prolific Writer", guestEmail("prolific"), "Held once more.");
        earlierComments(held, CommentStatus.APPROVED, 101);
        earlierComments(held, CommentStatus.SPAM, 3);

        String page = moderator("History Moderator").get("/moderation?post=" + slug).asString();

        assertThat(entry(page, held)).contains("100+ approved · 3 spam");
    }

    /** Copies of a comment by the same writer with another status, as a long history would have left them. */
    static void earlierComments(long id, CommentStatus status, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                Comment.getEntityManager().createNativeQuery("insert into comment (post_id, depth, path, "
                        + "author_name, author_email, body_markdown, body_html, status, created_at) select post_id, "
                        + "depth, path, author_name, author_email, body_markdown, body_html, :status, created_at "
                        + "from comment where id = :id").setParameter("status", status.name()).setParameter("id", id)
                        .executeUpdate();
            }
        });
    }

    @Test
    void readersAndAuthorsMayNotModerate() {
        String slug = post("Guarded queue ");
        long id = guestComment(slug, "Held Writer", guestEmail("held"), "Please let me in.");

        for (Role role : List.of(Role.READER, Role.AUTHOR)) {
            WebClient client = TestAccounts.create(role, "Curious " + role.label()).signIn();
            assertThat(client.get("/moderation").statusCode()).isEqualTo(403);
            assertThat(client.get("/moderation/bans").statusCode()).isEqualTo(403);
            Response page = client.get("/moderation/comments/" + id);
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.asString()).doesNotContain("Please let me in.");
            Response approve = client.postForm("/moderation/comments/" + id + "/status", Map.of("action", "approve"), "/");
            assertThat(approve.statusCode()).isEqualTo(403);
        }
        assertThat(status(id)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void heldCommentsAreListedWithTheirPostWriterAddressAndReasonsInWords() {
        DiscussionSettings.Rules original = settings.current();
        String slug = post("Reasons shown ");
        String guest = guestEmail("first");
        String linker = guestEmail("linker");
        String gambler = guestEmail("gambler");
        try {
            settings.save(withHoldTerms(original, List.of("casino")));
            long parent = guestComment(slug, "Parent Writer", guestEmail("parent"),
                    "The parent comment **speaks** first, at some length about tides and harbours.");
            approve(parent);
            long first = guestComment(slug, "Fresh Guest", guest, null, "A first word from me.", parent);
            long links = guestComment(slug, "Link Sharer", linker, null,
                    "See https://one.example and https://two.example please.", null);
            long casino = guestComment(slug, "Lucky Player", gambler, "https://casino.example", "Nice post.", null);

            String page = moderator("Reading Moderator").get("/moderation?post=" + slug).asString();

            String held = entry(page, first);
            assertThat(held).contains("Fresh Guest", guest, "127.0.0.1", "guest", "0 approved · 0 spam")
                    .contains("href=\"/posts/" + slug + "\"")
                    .contains("Held for moderation because:", "<li>first comment from this email</li>")
                    .contains("In reply to Parent Writer", "The parent comment speaks first, at some length");
            assertThat(entry(page, links)).contains("<li>2 links (limit 2)</li>");
            assertThat(entry(page, casino)).contains("<li>matched moderation term &#39;casino&#39; in website</li>");
            assertThat(page).doesNotContain("entry-" + parent + "\"");
        } finally {
            settings.save(original);
        }
    }

    @Test
    void tabsCountTheCommentsOfEachStatus() {
        String slug = post("Counted tabs ");
        long kept = guestComment(slug, "One", guestEmail("one"), "Stays pending.");
        long approved = guestComment(slug, "Two", guestEmail("two"), "Gets approved.");
        long spam = guestComment(slug, "Three", guestEmail("three"), "Gets marked as spam.");
        approve(approved);
        WebClient moderator = moderator("Counting Moderator");
        moderator.postForm("/moderation/comments/" + spam + "/status", Map.of("action", "spam"), "/moderation");

        String page = moderator.get("/moderation?post=" + slug).asString();

        assertThat(tabCounts(page)).containsEntry("Pending", 1).containsEntry("Approved", 1).containsEntry("Spam", 1)
                .containsEntry("Trash", 0);
        assertThat(page).contains("entry-" + kept).doesNotContain("entry-" + approved + "\"");
    }

    @Test
    void pendingCommentsComeOldestFirstFiftyToAPage() {
        String slug = post("Long queue ");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 52; i++) {
            ids.add(guestComment(slug, "Queued " + i, guestEmail("queued" + i), "Queued comment " + i + "."));
        }
        WebClient moderator = moderator("Paging Moderator");

        String first = moderator.get("/moderation?post=" + slug).asString();

        assertThat(first.split("<li id=\"entry-", -1)).hasSize(51);
        assertThat(first.indexOf("entry-" + ids.get(0) + "\"")).isLessThan(first.indexOf("entry-" + ids.get(1) + "\""));
        assertThat(first).contains("entry-" + ids.get(49) + "\"").doesNotContain("entry-" + ids.get(50) + "\"");
        assertThat(tabCounts(first)).containsEntry("Pending", 52);
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("rel=\"next\" class=\"older\" href=\"([^\"]+)\"")
                .matcher(first);
        assertThat(next.find()).isTrue();
        String second = moderator.get(next.group(1).replace("&amp;", "&")).asString();
        assertThat(second.split("<li id=\"entry-", -1)).hasSize(3);
        assertThat(second).contains("entry-" + ids.get(50) + "\"", "entry-" + ids.get(51) + "\"", "← First page")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void approvingFromTheQueuePublishesTheCommentAndRecordsWhoDidIt() {
        String slug = post("Approved here ");
        String text = "Worth publishing " + System.nanoTime();
        long id = guestComment(slug, "Patient Guest", guestEmail("patient"), text);
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).doesNotContain(text);
        WebClient moderator = moderator("Approving Moderator");

        Response response = moderator.postForm("/moderation/comments/" + id + "/status",
                Map.of("action", "approve", "status", "pending", "post", slug), "/moderation?post=" + slug);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/moderation?status=pending&post=" + slug + "&done=approve&n=1");
        assertThat(moderator.get(response.header("Location")).asString()).contains("Approved 1 comment.")
                .doesNotContain("entry-" + id + "\"");
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains(text);
        String trail = moderator.get("/moderation/comments/" + id).asString();
        assertThat(trail).contains("<td>the pipeline</td>", "<td>submitted</td>", "first comment from this email")
                .contains("<td>Approving Moderator</td>", "<td>approve</td>", "<td>pending → approved</td>");
    }

    @Test
    void bulkApproveApprovesEverySelectedComment() {
        String slug = post("Bulk approved ");
        List<Long> ids = List.of(guestComment(slug, "A", guestEmail("a"), "First of three."),
                guestComment(slug, "B", guestEmail("b"), "Second of three."),
                guestComment(slug, "C", guestEmail("c"), "Third of three."));
        long unselected = guestComment(slug, "D", guestEmail("d"), "Not selected.");
        WebClient moderator = moderator("Bulk Moderator");

        Response response = moderator.postForm("/moderation/bulk",
                Map.of("ids", ids.stream().map(String::valueOf).toList(), "action", "approve", "status", "pending",
                        "post", slug, "reason", "all fine"),
                "/moderation?post=" + slug);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(moderator.get(response.header("Location")).asString()).contains("Approved 3 comments.");
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo(CommentStatus.APPROVED));
        assertThat(status(unselected)).isEqualTo(CommentStatus.PENDING);
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("First of three.",
                "Second of three.", "Third of three.").doesNotContain("Not selected.");
        assertThat(moderator.get("/moderation/comments/" + ids.get(1)).asString())
                .contains("<td>Bulk Moderator</td>", "<td>pending → approved</td>", "all fine");
    }

    @Test
    void aReasonTooLongForTheAuditTrailIsRefusedAndNothingChanges() {
        String slug = post("Long reason ");
        long id = guestComment(slug, "Lou", guestEmail("long"), "Waiting for a look.");
        WebClient moderator = moderator("Wordy Moderator");

        Response response = moderator.postForm("/moderation/bulk", Map.of("ids", List.of("" + id), "action",
                "approve", "status", "pending", "reason", "x".repeat(2001)), "/moderation");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("Use at most 2,000 characters for the reason.");
        assertThat(status(id)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void spamNotSpamTrashAndRestoreMoveTheCommentBetweenTabs() {
        String slug = post("Moving between tabs ");
        long id = guestComment(slug, "Mover", guestEmail("mover"), "Where will I go?");
        WebClient moderator = moderator("Sorting Moderator");
        String queue = "/moderation?post=" + slug;

        for (String[] step : new String[][] { { "spam", "spam" }, { "not-spam", "pending" }, { "trash", "trash" },
                { "restore", "pending" } }) {
            Response response = moderator.postForm("/moderation/comments/" + id + "/status",
                    Map.of("action", step[0], "post", slug), queue);
            assertThat(response.statusCode()).isEqualTo(303);
            for (String tab : List.of("pending", "spam", "trash")) {
                String page = moderator.get("/moderation?status=" + tab + "&post=" + slug).asString();
                if (tab.equals(step[1])) {
                    assertThat(page).as("after %s, in %s", step[0], tab).contains("entry-" + id + "\"");
                } else {
                    assertThat(page).as("after %s, not in %s", step[0], tab).doesNotContain("entry-" + id + "\"");
                }
            }
        }
        assertThat(moderator.get("/moderation/comments/" + id).asString()).contains("<td>pending → spam</td>",
                "<td>spam → pending</td>", "<td>pending → trash</td>", "<td>trash → pending</td>");
    }

    @Test
    void searchFindsByEmailNameOrTextAndTheFilterKeepsToOnePost() {
        String slug = post("Searched ");
        String other = post("Elsewhere ");
        String wanted = guestEmail("wanted");
        long found = guestComment(slug, "Sought Person", wanted, "Something ordinary.");
        long notFound = guestComment(slug, "Other Person", guestEmail("other"), "Something else.");
        long elsewhere = guestComment(other, "Elsewhere Person", guestEmail("elsewhere"), "On another post.");
        WebClient moderator = moderator("Searching Moderator");

        String byEmail = moderator.get("/moderation?q=" + wanted.toUpperCase()).asString();
        assertThat(byEmail).contains("entry-" + found + "\"").doesNotContain("entry-" + notFound + "\"");
        assertThat(tabCounts(byEmail)).containsEntry("Pending", 1);
        assertThat(moderator.get("/moderation?q=sought PERSON").asString()).contains("entry-" + found + "\"");
        String byPost = moderator.get("/moderation?post=" + slug).asString();
        assertThat(byPost).contains("entry-" + found + "\"", "entry-" + notFound + "\"")
                .doesNotContain("entry-" + elsewhere + "\"");
        // % and _ are searched for as themselves, not as wildcards
        assertThat(moderator.get("/moderation?post=" + slug + "&q=%25").asString())
                .doesNotContain("entry-" + found + "\"").contains("No pending comments match.");
        assertThat(moderator.get("/moderation?post=" + slug + "&q=_").asString()).doesNotContain("entry-" + found + "\"");
    }

    @Test
    void editingTheBodyKeepsTheEarlierVersionAndRendersTheNewOne() {
        String slug = post("Edited by staff ");
        long id = guestComment(slug, "Sloppy Writer", guestEmail("sloppy"), "Teh original txt.");
        WebClient moderator = moderator("Editing Moderator");

        Response response = moderator.postForm("/moderation/comments/" + id + "/edit",
                Map.of("body", "The *corrected* text."), "/moderation/comments/" + id);

        assertThat(response.statusCode()).isEqualTo(303);
        String page = moderator.get(response.header("Location")).asString();
        assertThat(page).contains("<em>corrected</em>", "Teh original txt.", "by Editing Moderator",
                "<td>edited by staff</td>");
        List<String> revisions = QuarkusTransaction.requiringNew().call(() -> CommentRevision
                .<CommentRevision> list("comment.id", id).stream().map(r -> r.bodyMarkdown).toList());
        assertThat(revisions).containsExactly("Teh original txt.");

        Response empty = moderator.postForm("/moderation/comments/" + id + "/edit", Map.of("body", "  "),
                "/moderation/comments/" + id);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("id=\"body-error\">Write the comment&#39;s text");
    }

    @Test
    void staffReplyIsPublishedApprovedUnderTheComment() {
        String slug = post("Staff answers ");
        long id = guestComment(slug, "Asking Guest", guestEmail("asking"), "Is this open on Sundays?");
        WebClient moderator = moderator("Answering Moderator");
        String unanswerable = moderator.postForm("/moderation/comments/" + id + "/reply",
                Map.of("reply", "Too early."), "/moderation/comments/" + id).asString();
        assertThat(unanswerable).contains("Only approved comments can be answered");
        approve(id);
        String answer = "Yes, from ten " + System.nanoTime();

        Response response = moderator.postForm("/moderation/comments/" + id + "/reply", Map.of("reply", answer),
                "/moderation/comments/" + id);

        assertThat(response.statusCode()).isEqualTo(303);
        long replyId = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment> find("bodyMarkdown", answer)
                .firstResult().id);
        assertThat(status(replyId)).isEqualTo(CommentStatus.APPROVED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Comment.<Comment> findById(replyId).parent.id))
                .isEqualTo(id);
        String postPage = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(postPage).contains(answer, "Answering Moderator");
        assertThat(moderator.get("/moderation/comments/" + id).asString()).contains("<td>replied as staff</td>",
                "reply #" + replyId);
    }

    @Test
    void deletingPermanentlyRemovesATrashedCommentButKeepsOneWithReplies() {
        String slug = post("Deleted for good ");
        long parent = guestComment(slug, "Parent", guestEmail("parent"), "I will be answered.");
        approve(parent);
        long reply = guestComment(slug, "Replier", guestEmail("replier"), null, "An answer.", parent);
        long lonely = guestComment(slug, "Lonely", guestEmail("lonely"), "Nobody answers me.");
        WebClient moderator = moderator("Deleting Moderator");
        String trash = "/moderation?status=trash&post=" + slug;

        Response pending = moderator.postForm("/moderation/comments/" + lonely + "/delete", Map.of(), trash);
        assertThat(pending.statusCode()).isEqualTo(409);
        assertThat(pending.asString()).contains("move this one to the trash first");

        moderator.postForm("/moderation/comments/" + parent + "/status", Map.of("action", "trash"), trash);
        moderator.postForm("/moderation/comments/" + lonely + "/status", Map.of("action", "trash"), trash);
        Response withReplies = moderator.postForm("/moderation/comments/" + parent + "/delete", Map.of(), trash);
        assertThat(withReplies.statusCode()).isEqualTo(409);
        assertThat(withReplies.asString()).contains("This comment has 1 reply", "leave it in the trash instead");
        assertThat(status(parent)).isEqualTo(CommentStatus.TRASH);

        Response deleted = moderator.postForm("/moderation/comments/" + lonely + "/delete",
                Map.of("status", "trash", "post", slug), trash);

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(moderator.get(deleted.header("Location")).asString()).contains("Deleted 1 comment permanently.")
                .contains("entry-" + parent + "\"").doesNotContain("entry-" + lonely + "\"");
        assertThat(status(lonely)).isNull();
        assertThat(moderator.get("/moderation/comments/" + lonely).statusCode()).isEqualTo(404);
        assertThat(status(reply)).isEqualTo(CommentStatus.PENDING);
        long entries = QuarkusTransaction.requiringNew().call(() -> ModerationAction
                .count("action = ?1 and reason like ?2", "delete permanently", "comment #" + lonely + " %"));
        assertThat(entries).isEqualTo(1);
    }

    @Test
    void bulkDeleteRemovesSpamButKeepsParentsOfRepliesLeftBehind() {
        String slug = post("Bulk deleted ");
        long parent = guestComment(slug, "Parent", guestEmail("bulkparent"), "Answered spam.");
        approve(parent);
        long reply = guestComment(slug, "Replier", guestEmail("bulkreply"), null, "An answer that stays.", parent);
        long junk = guestComment(slug, "Junk", guestEmail("junk"), "Plain junk.");
        WebClient moderator = moderator("Sweeping Moderator");
        String spam = "/moderation?status=spam&post=" + slug;
        moderator.postForm("/moderation/bulk", Map.of("ids", List.of("" + parent, "" + junk), "action", "spam"), spam);

        Response response = moderator.postForm("/moderation/bulk",
                Map.of("ids", List.of("" + parent, "" + junk), "action", "delete", "status", "spam", "post", slug),
                spam);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(moderator.get(response.header("Location")).asString())
                .contains("Deleted 1 comment permanently. Kept 1");
        assertThat(status(junk)).isNull();
        assertThat(status(parent)).isEqualTo(CommentStatus.SPAM);
        assertThat(status(reply)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void bannedEmailIsRefusedOnItsNextCommentUntilTheBanIsLifted() {
        String slug = post("Banned here ");
        String banned = guestEmail("banned");
        long id = guestComment(slug, "Troll", banned, "Rude words.");
        WebClient moderator = moderator("Banning Moderator");

        Response response = moderator.postForm("/moderation/comments/" + id + "/ban",
                Map.of("kind", "email", "reason", "rude to everyone", "days", "30", "then", "trash"),
                "/moderation/comments/" + id);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(CommentStatus.TRASH);
        assertThat(moderator.get(response.header("Location")).asString()).contains("<td>ban</td>",
                "<td>pending → trash</td>", "email " + banned + " for 30 days: rude to everyone");
        Response refused = TestComments.postAsGuest(slug, "Troll", banned.toUpperCase(), null, "Again!", null, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("You may not comment on this site.", "rude to everyone");
        String bans = moderator.get("/moderation/bans").asString();
        assertThat(bans).contains(banned, "rude to everyone", "Banning Moderator");

        long banId = QuarkusTransaction.requiringNew().call(() -> Ban.<Ban> find("value", banned).firstResult().id);
        Response lifted = moderator.postForm("/moderation/bans/" + banId + "/lift", Map.of(), "/moderation/bans");

        assertThat(lifted.statusCode()).isEqualTo(303);
        assertThat(moderator.get("/moderation/bans").asString()).doesNotContain(banned);
        DiscussionSettings.Rules original = settings.current();
        try {
            // flood control would hold back a second comment from this email so soon: off for a moment
            settings.save(new DiscussionSettings.Rules(original.threadDepth(), original.editWindowMinutes(),
                    original.closeAfterDays(), 0, original.hourlyLimit(), original.minSecondsToWrite(),
                    original.linkLimit(), original.requireApproval(), original.requirePriorApproval(),
                    original.holdTerms(), original.spamTerms(), original.commentsPerPage()));
            assertThat(TestComments.postAsGuest(slug, "Troll", banned, null, "Sorry.", null, null).statusCode())
                    .isEqualTo(201);
        } finally {
            settings.save(original);
        }
    }

    @Test
    void banFormRefusesWhatCannotBeBannedAndKeepsWhatWasTyped() {
        String slug = post("Ban checks ");
        long id = guestComment(slug, "Guest", guestEmail("guestban"), "A guest comment.");
        WebClient moderator = moderator("Careful Moderator");
        String form = "/moderation/comments/" + id;

        Response account = moderator.postForm(form + "/ban", Map.of("kind", "account", "then", "spam"), form);
        assertThat(account.statusCode()).isEqualTo(400);
        assertThat(account.asString()).contains("id=\"kind-error\">A guest wrote this comment");

        Response wide = moderator.postForm(form + "/ban",
                Map.of("kind", "network", "network", "10.0.0.0/4", "days", "0", "then", "spam"), form);
        assertThat(wide.statusCode()).isEqualTo(400);
        assertThat(wide.asString()).contains("id=\"network-error\">That range is too wide")
                .contains("id=\"days-error\">Enter a number of days from 1 to 3650")
                .contains("value=\"10.0.0.0/4\"");

        Response nonsense = moderator.postForm(form + "/ban",
                Map.of("kind", "network", "network", "not-an-address", "then", "spam"), form);
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(nonsense.asString()).contains("id=\"network-error\">Enter an address such as 203.0.113.7");
        assertThat(status(id)).isEqualTo(CommentStatus.PENDING);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Ban.count("value in ?1",
                List.of("10.0.0.0/4", "not-an-address")))).isZero();
    }

    @Test
    void aStaffMembersEmailCannotBeBannedSoTheOwnerKeepsCommenting() {
        WebClient moderator = moderator("Overreaching Moderator");

        Response refused = moderator.postForm("/moderation/bans",
                Map.of("kind", "email", "value", TestAccounts.OWNER_EMAIL.toUpperCase(), "reason", "mistake"),
                "/moderation/bans");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("This is the email address of a staff account");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Ban.count("lower(value) = ?1",
                TestAccounts.OWNER_EMAIL.toLowerCase()))).isZero();
        String slug = post("Owner still comments ");
        assertThat(WebClient.owner().json().body(Map.of("body", "The owner answers."))
                .post("/api/v1/posts/" + slug + "/comments").statusCode()).isEqualTo(201);
    }

    @Test
    void networkBanFromACommentIsListedWithWhoMadeIt() {
        String slug = post("Network banned ");
        long id = guestComment(slug, "Spammer", guestEmail("network"), "Buy things.");
        WebClient moderator = moderator("Network Moderator");
        // a range without the tests' own 127.0.0.1, so that no other test is refused
        String network = "198.51.100.0/24";
        try {
            Response response = moderator.postForm("/moderation/comments/" + id + "/ban",
                    Map.of("kind", "network", "network", network, "reason", "botnet", "then", "spam"),
                    "/moderation/comments/" + id);

            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(status(id)).isEqualTo(CommentStatus.SPAM);
            String bans = moderator.get("/moderation/bans").asString();
            assertThat(bans).contains("<td>network</td>", network, "botnet", "Network Moderator", "never");
            long createdBy = QuarkusTransaction.requiringNew()
                    .call(() -> Ban.<Ban> find("value", network).firstResult().createdBy);
            assertThat(createdBy).isPositive();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Ban.delete("value", network));
        }
    }

    @Test
    void anExpiredNetworkBanOnTheWritersAddressNoLongerRefuses() {
        String slug = post("Expired ban ");
        // the tests' own address: expired from the start, and removed in any case, so no other test is refused
        long banId = QuarkusTransaction.requiringNew().call(() -> {
            Ban ban = new Ban();
            ban.kind = Ban.Kind.NETWORK;
            ban.value = "127.0.0.1/32";
            ban.reason = "expired test ban";
            ban.createdAt = TestClock.current().instant().minus(Duration.ofDays(2));
            ban.expiresAt = ban.createdAt.plus(Duration.ofDays(1));
            ban.persist();
            return ban.id;
        });
        try {
            assertThat(TestComments.postAsGuest(slug, "Returning", guestEmail("returning"), null, "Back again.", null, null)
                    .statusCode()).isEqualTo(201);
            assertThat(moderator("Expiry Moderator").get("/moderation/bans").asString())
                    .doesNotContain("expired test ban");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Ban.deleteById(banId));
        }
    }

    @Test
    void markupAndScriptInACommentAreInertInTheQueue() {
        String slug = post("Hostile input ");
        long id = guestComment(slug, "<img src=x onerror=alert(1)>", guestEmail("xss"),
                "<script>alert(1)</script> and [x](javascript:alert(1)) and <b onclick=alert(2)>bold</b>");
        WebClient moderator = moderator("Wary Moderator");

        for (String page : List.of(moderator.get("/moderation?post=" + slug).asString(),
                moderator.get("/moderation/comments/" + id).asString())) {
            assertThat(page).doesNotContain("<script>alert(1)</script>", "href=\"javascript:", "<img src=x",
                    "<b onclick");
            assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    @Test
    void moderatorsSeeThePendingCountInTheHeaderAndReadersDoNot() {
        String slug = post("Header count ");
        guestComment(slug, "Waiting", guestEmail("waiting"), "Waiting in line.");
        WebClient moderator = moderator("Header Moderator");
        WebClient reader = TestAccounts.create(Role.READER, "Header Reader").signIn();

        String staffPage = moderator.get("/posts/" + slug).asString();
        long pending = QuarkusTransaction.requiringNew().call(() -> Comment.count("status", CommentStatus.PENDING));

        assertThat(staffPage).contains("<a href=\"/moderation\" class=\"moderation-link\">Moderation (");
        assertThat(pending).isPositive();
        assertThat(staffPage).containsPattern("Moderation \\(\\d+\\+?\\)");
        assertThat(reader.get("/posts/" + slug).asString()).doesNotContain("Moderation (");
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).doesNotContain("Moderation (");
        // error pages of addresses no resource matches are rendered outside a worker thread: still fine
        Response missing = moderator.get("/no-such-page-" + System.nanoTime());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.asString()).contains("There is nothing at this address.");
        assertThat(WebClient.owner().get("/").asString()).contains("class=\"moderation-link\"");
    }

    @Test
    void actionsWithoutCsrfTokenAreRefusedAndChangeNothing() {
        String slug = post("Forged action ");
        long id = guestComment(slug, "Target", guestEmail("target"), "Leave me be.");
        WebClient moderator = moderator("Forged Moderator");
        moderator.get("/moderation");

        Response response = moderator.postFormWithoutToken("/moderation/comments/" + id + "/status",
                Map.of("action", "approve"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(status(id)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void badQueueParametersAnswerWithAClearMessage() {
        WebClient moderator = moderator("Typo Moderator");

        Response status = moderator.get("/moderation?status=deleted");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.asString()).contains("Choose pending, approved, spam or trash.");
        Response cursor = moderator.get("/moderation?after=oops");
        assertThat(cursor.statusCode()).isEqualTo(400);
        assertThat(cursor.asString()).contains("This page link is damaged");
        Response empty = moderator.postForm("/moderation/bulk", Map.of("action", "approve"), "/moderation");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("Select at least one comment first.");
    }

    private static DiscussionSettings.Rules withHoldTerms(DiscussionSettings.Rules r, List<String> terms) {
        return new DiscussionSettings.Rules(r.threadDepth(), r.editWindowMinutes(), r.closeAfterDays(), r.floodSeconds(),
                r.hourlyLimit(), r.minSecondsToWrite(), r.linkLimit(), r.requireApproval(), r.requirePriorApproval(),
                terms, r.spamTerms(), r.commentsPerPage());
    }
}
