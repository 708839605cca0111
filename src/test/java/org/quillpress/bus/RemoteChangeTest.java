package org.quillpress.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Account;
import org.quillpress.account.Role;
import org.quillpress.post.Post;
import org.quillpress.security.SessionCodec;
import org.quillpress.security.SessionToken;
import org.quillpress.security.Sessions;
import org.quillpress.site.SiteSetting;
import org.quillpress.site.SiteSettings;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * What an instance does with a change another instance announced, on any database: the test writes the change
 * straight into the database (as the other instance did), sees that this instance still shows what it held, and
 * then fires the {@link RemoteChange} that the bus would fire on hearing the other instance's message.
 */
@QuarkusTest
class RemoteChangeTest {

    @Inject
    Event<RemoteChange> remote;

    @Inject
    ChangeListener listener;

    @Inject
    ChangeBus bus;

    @Inject
    HeardChanges heard;

    @Inject
    SiteSettings settings;

    @Inject
    SessionCodec codec;

    @Test
    void siteSettingsSavedElsewhereShowOnCachedGuestPages() {
        SiteSettings.Site before = settings.current();
        try {
            assertThat(WebClient.anonymous().get("/").asString()).contains(before.title());
            QuarkusTransaction.requiringNew().run(() -> SiteSetting.put("site.title", "Title Saved Elsewhere"));
            assertThat(WebClient.anonymous().get("/").asString()).as("held in memory and in the page cache")
                    .doesNotContain("Title Saved Elsewhere");

            remote.fire(new RemoteChange(Area.SITE_SETTINGS, null));

            assertThat(WebClient.anonymous().get("/").asString()).contains("Title Saved Elsewhere");
        } finally {
            settings.save(before);
        }
    }

    @Test
    void aPostChangedElsewhereShowsOnTheCachedGuestPage() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Remote "), "The first words.", List.of());
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("The first words.");
        QuarkusTransaction.requiringNew().run(() -> Post.update(
                "bodyHtml = '<p>Words changed elsewhere.</p>' where slug = ?1", slug));
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).as("from the page cache")
                .contains("The first words.");

        remote.fire(new RemoteChange(Area.PAGES, null));

        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("Words changed elsewhere.");
    }

    @Test
    void sessionsEndedEverywhereElsewhereEndHere() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Elsewhere Ended");
        WebClient client = author.signIn();
        assertThat(client.get("/account").statusCode()).isEqualTo(200);
        QuarkusTransaction.requiringNew().run(() -> Account.update("sessionEpoch = sessionEpoch + 1 where id = ?1",
                author.principal().id()));
        assertThat(client.get("/account").statusCode()).as("the account is cached here").isEqualTo(200);

        remote.fire(new RemoteChange(Area.ACCOUNT, Long.toString(author.principal().id())));

        Response after = client.request().redirects().follow(false).get("/account");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.header("Location")).contains("/login");
    }

    @Test
    void aSessionSignedOutElsewhereIsDeadHere() {
        WebClient client = TestAccounts.create(Role.AUTHOR, "Signed Out Elsewhere").signIn();
        String cookie = client.cookie(Sessions.COOKIE);
        SessionToken token = codec.open(cookie).orElseThrow();
        assertThat(client.get("/account").statusCode()).isEqualTo(200);

        remote.fire(new RemoteChange(Area.SESSION, token.id() + " " + token.expiresAtEpochSecond()));

        Response after = client.request().redirects().follow(false).get("/account");
        assertThat(after.statusCode()).isEqualTo(303);
    }

    @Test
    void messagesFromOtherInstancesAreFiredAndOwnOnesSkipped() {
        heard.clear();
        listener.receive(bus.instance() + " ACCOUNT 7");
        listener.receive("someone-else NO_SUCH_AREA 7");
        listener.receive("garbage");
        assertThat(heard.all()).isEmpty();

        listener.receive("someone-else ACCOUNT 7");
        listener.receive("someone-else NAVIGATION");

        assertThat(heard.all()).containsExactly(new RemoteChange(Area.ACCOUNT, "7"),
                new RemoteChange(Area.NAVIGATION, null));
    }
}
