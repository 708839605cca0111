package org.quillpress.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quillpress.moderation.ModerationFixtures.entry;
import static org.quillpress.moderation.ModerationFixtures.post;
import static org.quillpress.support.TestComments.guestComment;
import static org.quillpress.support.TestComments.guestEmail;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.comment.DiscussionSettings;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class DiscussionSettingsResourceTest {

    @Inject
    DiscussionSettings settings;

    @Test
    void onlyAdminsOpenTheDiscussionSettings() {
        assertThat(WebClient.anonymous().get("/admin/discussion").statusCode()).isEqualTo(303);
        WebClient moderator = TestAccounts.create(Role.MODERATOR, "Rules Moderator").signIn();
        assertThat(moderator.get("/admin/discussion").statusCode()).isEqualTo(403);
        assertThat(moderator.postForm("/admin/discussion", form(settings.current()), "/").statusCode()).isEqualTo(403);

        String page = WebClient.owner().get("/admin/discussion").asString();
        assertThat(page).contains("<h1>Discussion settings</h1>", "href=\"/admin/discussion\" aria-current=\"page\"");
        assertThat(WebClient.owner().get("/admin").asString()).contains("href=\"/admin/discussion\"");
    }

    @Test
    void adminSavesTheRulesAndThePipelineHoldsByTheNewTerm() {
        DiscussionSettings.Rules original = settings.current();
        String term = TestPosts.unique("zebrafish").toLowerCase();
        try {
            Map<String, Object> fields = form(original);
            fields.put("threadDepth", "4");
            fields.put("editWindowMinutes", "20");
            fields.put("closeAfterDays", "0");
            fields.put("linkLimit", "3");
            fields.put("holdTerms", "  " + term.toUpperCase() + "\r\n\r\nlottery ");
            fields.put("spamTerms", "cheap pills");
            fields.put("commentsPerPage", "25");
            fields.remove("requireApproval");

            Response response = WebClient.owner().postForm("/admin/discussion", fields, "/admin/discussion");

            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.header("Location")).endsWith("/admin/discussion?saved=1");
            DiscussionSettings.Rules saved = settings.current();
            assertThat(saved.threadDepth()).isEqualTo(4);
            assertThat(saved.editWindowMinutes()).isEqualTo(20);
            assertThat(saved.linkLimit()).isEqualTo(3);
            assertThat(saved.holdTerms()).containsExactly(term, "lottery");
            assertThat(saved.spamTerms()).containsExactly("cheap pills");
            assertThat(saved.commentsPerPage()).isEqualTo(25);
            assertThat(saved.requireApproval()).isFalse();
            assertThat(saved.requirePriorApproval()).isEqualTo(original.requirePriorApproval());
            assertThat(WebClient.owner().get("/admin/discussion?saved=1").asString())
                    .contains("Discussion settings saved.", "value=\"20\"", term + "\nlottery</textarea>");

            String slug = post("Held by term ");
            long id = guestComment(slug, "Term User", guestEmail("term"), "I like " + term + " a lot.");
            String queue = TestAccounts.create(Role.MODERATOR, "Term Moderator").signIn()
                    .get("/moderation?post=" + slug).asString();
            assertThat(entry(queue, id)).contains("matched moderation term &#39;" + term + "&#39; in body");
        } finally {
            settings.save(original);
        }
    }

    @Test
    void valuesOutOfRangeAreRefusedAtTheirFieldsKeepingWhatWasTypedAndSavingNothing() {
        DiscussionSettings.Rules original = settings.current();
        try {
            Map<String, Object> fields = form(original);
            fields.put("threadDepth", "11");
            fields.put("hourlyLimit", "0");
            fields.put("floodSeconds", "often");
            fields.put("linkLimit", "101");
            fields.put("commentsPerPage", "5");
            fields.put("holdTerms", "fine\n" + "x".repeat(101));
            fields.put("spamTerms", "never saved");

            Response response = WebClient.owner().postForm("/admin/discussion", fields, "/admin/discussion");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.asString()).contains("Nothing was saved.")
                    .contains("id=\"threadDepth-error\">Choose a whole number from 1 to 10.</span>")
                    .contains("id=\"hourlyLimit-error\">Choose a whole number from 1 to 1000.</span>")
                    .contains("id=\"floodSeconds-error\">Choose a whole number from 0 to 3600.</span>")
                    .contains("id=\"linkLimit-error\">Choose a whole number from 0 to 100.</span>")
                    .contains("id=\"commentsPerPage-error\">Choose a whole number from 10 to 200.</span>")
                    .contains("id=\"holdTerms-error\">Keep each term to at most 100 characters.</span>")
                    .contains("value=\"11\"", "value=\"often\"", "never saved</textarea>")
                    .doesNotContain("id=\"editWindowMinutes-error\"");
            assertThat(settings.current()).isEqualTo(original);
        } finally {
            settings.save(original);
        }
    }

    /** The form as the page fills it from some rules. */
    static Map<String, Object> form(DiscussionSettings.Rules r) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("threadDepth", "" + r.threadDepth());
        fields.put("editWindowMinutes", "" + r.editWindowMinutes());
        fields.put("closeAfterDays", "" + r.closeAfterDays());
        fields.put("floodSeconds", "" + r.floodSeconds());
        fields.put("hourlyLimit", "" + r.hourlyLimit());
        fields.put("minSecondsToWrite", "" + r.minSecondsToWrite());
        fields.put("linkLimit", "" + r.linkLimit());
        if (r.requireApproval()) {
            fields.put("requireApproval", "on");
        }
        if (r.requirePriorApproval()) {
            fields.put("requirePriorApproval", "on");
        }
        fields.put("holdTerms", String.join("\n", r.holdTerms()));
        fields.put("spamTerms", String.join("\n", r.spamTerms()));
        fields.put("commentsPerPage", "" + r.commentsPerPage());
        return fields;
    }
}
