package org.quillpress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.site.SiteSetting;
import org.quillpress.site.SiteSettings;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The site's time zone: stored under site.time-zone, used for the schedule field and the dates pages show. */
@QuarkusTest
class TimeZoneSettingTest {

    @AfterEach
    void backToUtc() {
        WebClient.owner().postForm("/admin/settings", settings("UTC", "DAY_MONTH_YEAR"), "/admin");
    }

    @Test
    void theScheduleIsEnteredAndShownInTheSitesZone() {
        assertThat(WebClient.owner().postForm("/admin/settings", settings("Asia/Tokyo", "ISO"), "/admin")
                .statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SiteSetting.get(SiteSettings.TIME_ZONE)))
                .contains("Asia/Tokyo");

        WebClient author = TestAccounts.create(Role.AUTHOR, "Tokyo Author").signIn();
        assertThat(author.get("/write").asString()).contains("Publish at (Asia/Tokyo time");
        Map<String, Object> form = new HashMap<>(Map.of("title", TestPosts.unique("Scheduled in Tokyo "), "body",
                "text", "tags", "", "category", "Uncategorized", "status", "SCHEDULED", "commentsOpen", "on", "kind",
                "POST", "action", "save", "publishAt", "2030-01-01T09:00"));
        Response saved = author.postForm("/write", form);
        assertThat(saved.statusCode()).isEqualTo(303);
        String slug = saved.header("Location").replaceAll(".*/posts/([^/?#]+).*", "$1");

        Response api = author.json().get("/api/v1/posts/" + slug);
        assertThat(Instant.parse(api.jsonPath().getString("publishAt"))).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(author.get("/posts/" + slug + "/edit").asString()).contains("value=\"2030-01-01T09:00\"");
        assertThat(author.get("/posts/" + slug).asString()).contains("Scheduled for 2030-01-01 09:00 (Asia/Tokyo time)");
    }

    @Test
    void aZoneJavaDoesNotKnowIsRefusedAndNothingChanges() {
        Response refused = WebClient.owner().postForm("/admin/settings", settings("Mars/Olympus_Mons", "ISO"),
                "/admin");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Enter a time zone such as Europe/Paris");
        assertThat(Arc.container().instance(SiteSettings.class).get().current().timeZone().getId()).isEqualTo("UTC");
    }

    @Test
    void settingsChangesAreInTheAuditLog() {
        WebClient owner = WebClient.owner();
        owner.postForm("/admin/settings", settings("Europe/Paris", "DAY_MONTH_YEAR"), "/admin");

        assertThat(owner.get("/admin/audit?kind=SETTINGS").asString()).contains("time zone (UTC → Europe/Paris)");
    }

    private static Map<String, String> settings(String zone, String style) {
        SiteSettings.Site site = Arc.container().instance(SiteSettings.class).get().current();
        Map<String, String> form = new HashMap<>(Map.of("title", site.title(), "tagline", site.tagline(),
                "description", site.description(), "postsPerPage", Integer.toString(site.postsPerPage())));
        form.put("timeZone", zone);
        form.put("dateStyle", style);
        return form;
    }

}
