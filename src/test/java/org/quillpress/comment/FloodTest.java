package org.quillpress.comment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.web.Networks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The flood attack itself: one client typing a fresh email for every comment. Each test sends from a loopback
 * address of its own (the rest of the suite comments from 127.0.0.1, which the test profile exempts), so the
 * limits are the shipped ones.
 */
@QuarkusTest
class FloodTest {

    /** The shipped burst (application.properties). */
    private static final int BURST = 5;

    @Test
    void oneAddressRotatingEmailsThroughTheApiGetsOnlyTheBurst() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Flooded "), "Discuss.", List.of());
        // one stamp for all: time hardly passes during a real attack, so the burst does not refill
        String started = TestComments.stamp(slug);
        int accepted = 0;
        Response refused = null;
        for (int i = 0; i < 40; i++) {
            Map<String, Object> json = new HashMap<>();
            json.put("body", "Buy now, number " + i);
            json.put("name", "Bot " + i);
            json.put("email", TestComments.guestEmail("bot"));
            json.put("started", started);
            Response r = from("127.0.0.2").contentType(ContentType.JSON).accept(ContentType.JSON).body(json)
                    .post("/api/v1/posts/" + slug + "/comments");
            if (r.statusCode() == 201) {
                accepted++;
            } else {
                refused = r;
            }
        }
        assertThat(accepted).isEqualTo(BURST);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.jsonPath().getString("errors.body")).contains("too quickly");
        long stored = QuarkusTransaction.requiringNew().call(() -> Comment.count("post.slug = ?1", slug));
        assertThat(stored).isEqualTo(BURST);
    }

    @Test
    void theSameHoldsForTheFormAndForAWholeIpv6Network() {
        assertThat(Networks.of("2001:db8:1:2:aaaa::1")).isEqualTo(Networks.of("2001:db8:1:2:ffff::9"))
                .isNotEqualTo(Networks.of("2001:db8:1:3::1"));
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Form flooded "), "Discuss.", List.of());
        int accepted = 0;
        for (int i = 0; i < 12; i++) {
            String page = from("127.0.0.3").get("/posts/" + slug).asString();
            Map<String, String> fields = CommentsTest.hiddenFields(page);
            Map<String, Object> form = new HashMap<>(fields);
            form.putAll(Map.of("body", "Form spam " + i, "name", "Bot " + i, "email", TestComments.guestEmail("formbot")));
            // a person's pace through the form, still far inside the burst's refill time
            TestClock.current().advance(Duration.ofSeconds(4));
            Response r = from("127.0.0.3").cookie("csrf-token", fields.get("csrf-token"))
                    .contentType(ContentType.URLENC).formParams(form).post("/posts/" + slug + "/comments");
            if (r.statusCode() == 303) {
                accepted++;
            } else {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.asString()).contains("too quickly").contains("Form spam " + i);
            }
        }
        assertThat(accepted).isEqualTo(BURST);
    }

    @Test
    void aGuestCommentThroughTheApiWithAForgedStampIsSpam() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Forged stamp "), "Discuss.", List.of());
        Map<String, Object> json = Map.of("body", "A stamp of my own", "name", "Quick Bot", "email",
                TestComments.guestEmail("quick"), "started", "1.forged");
        Response r = from("127.0.0.4").contentType(ContentType.JSON).accept(ContentType.JSON).body(json)
                .post("/api/v1/posts/" + slug + "/comments");
        assertThat(r.statusCode()).isEqualTo(201);
        // bots learn nothing from the answer; the queue knows
        assertThat(r.jsonPath().getString("status")).isEqualTo("PENDING");
        long id = r.jsonPath().getLong("id");
        Comment stored = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment> findById(id));
        assertThat(stored.status).isEqualTo(CommentStatus.SPAM);
        assertThat(stored.reasons).contains("the form was not one this site showed");
    }

    @Test
    void aGuestCommentThroughTheApiWithoutAStampIsHeldLikeAnyFirstComment() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Stampless "), "Discuss.", List.of());
        Map<String, Object> json = Map.of("body", "No stamp here", "name", "Plain Script", "email",
                TestComments.guestEmail("script"));
        Response r = from("127.0.0.5").contentType(ContentType.JSON).accept(ContentType.JSON).body(json)
                .post("/api/v1/posts/" + slug + "/comments");
        assertThat(r.statusCode()).isEqualTo(201);
        long id = r.jsonPath().getLong("id");
        Comment stored = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment> findById(id));
        assertThat(stored.status).isEqualTo(CommentStatus.PENDING);
        assertThat(stored.reasons).contains("first comment from this email");
    }

    /** Requests leaving from another loopback address, as a second client on the network would. */
    private static RequestSpecification from(String address) {
        try {
            InetAddress local = InetAddress.getByName(address);
            return given().redirects().follow(false).config(RestAssured.config().httpClient(
                    HttpClientConfig.httpClientConfig().setParam("http.route.local-address", local)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
