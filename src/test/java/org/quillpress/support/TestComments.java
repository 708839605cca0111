package org.quillpress.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.quillpress.comment.DiscussionSettings;
import org.quillpress.moderation.ModerationService;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Comments for tests, written the way readers write them: through the JSON API. */
public final class TestComments {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestComments() {
    }

    /** A guest email no other comment used: flood control counts per address and email, and every test comes from 127.0.0.1. */
    public static String guestEmail(String who) {
        return who + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@guests.test";
    }

    /** A guest's comment on the post at {@code slug}; a guest's first comment is held for moderation. Returns its id. */
    public static long guestComment(String slug, String name, String email, String body) {
        return guestComment(slug, name, email, null, body, null);
    }

    public static long guestComment(String slug, String name, String email, String website, String body, Long parentId) {
        return created(postAsGuest(slug, name, email, website, body, parentId, null));
    }

    /** What the API answers a guest's comment, accepted or not; {@code notifyReplies} null leaves it out. */
    public static Response postAsGuest(String slug, String name, String email, String website, String body,
            Long parentId, Boolean notifyReplies) {
        Map<String, Object> json = new HashMap<>();
        json.put("body", body);
        json.put("name", name);
        json.put("email", email);
        json.put("website", website);
        json.put("parentId", parentId);
        json.put("notifyReplies", notifyReplies);
        json.put("started", stamp(slug));
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(json)
                .post("/api/v1/posts/" + slug + "/comments");
    }

    /**
     * The stamp a guest's comment needs (the same timing check as the form), taken as a client would and then
     * aged past the site's minimum by moving the clock, which other tests see only as time passing.
     */
    public static String stamp(String slug) {
        io.restassured.path.json.JsonPath stamp = given().accept(ContentType.JSON)
                .get("/api/v1/posts/" + slug + "/comments/stamp").jsonPath();
        TestClock.current().advance(java.time.Duration.ofSeconds(stamp.getInt("minSeconds") + 1L));
        return stamp.getString("started");
    }

    /** What the API answers a signed-in reader's comment (the browser's session and CSRF header). */
    public static Response postAs(WebClient reader, String slug, String body) {
        return reader.json().body(Map.of("body", body)).post("/api/v1/posts/" + slug + "/comments");
    }

    public static Response postAs(WebClient reader, String slug, String body, boolean notifyReplies) {
        return reader.json().body(Map.of("body", body, "notifyReplies", notifyReplies))
                .post("/api/v1/posts/" + slug + "/comments");
    }

    /** The id of a comment the API accepted, failing with its answer otherwise. */
    public static long created(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getLong("id");
    }

    /** Approves a comment as the owner would, without going through the pages under test. */
    public static void approve(long id) {
        Arc.container().instance(ModerationService.class).get().apply(id, ModerationService.Action.APPROVE,
                TestAccounts.owner(), null);
    }

    /** The same discussion rules without the minimum writing time and the interval between comments. */
    public static DiscussionSettings.Rules withoutWaiting(DiscussionSettings.Rules r) {
        return new DiscussionSettings.Rules(r.threadDepth(), r.editWindowMinutes(), r.closeAfterDays(), 0,
                r.hourlyLimit(), 0, r.linkLimit(), r.requireApproval(), r.requirePriorApproval(), r.holdTerms(),
                r.spamTerms(), r.commentsPerPage());
    }
}
