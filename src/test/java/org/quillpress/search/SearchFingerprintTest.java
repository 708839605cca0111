package org.quillpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quillpress.support.TestComments.approve;
import static org.quillpress.support.TestComments.guestComment;
import static org.quillpress.support.TestComments.guestEmail;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentStatus;
import org.quillpress.post.Post;
import org.quillpress.post.PostStatus;
import org.quillpress.post.Tag;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The embedded index's fingerprint (read at start, from indexes only) changes with everything the index is built
 * from, however the database was changed, so that an index a crash left behind is rebuilt, never trusted; and the
 * one a clean stop records is the one the next start expects, so that start does not rebuild.
 */
@QuarkusTest
class SearchFingerprintTest {

    @Inject
    PostDocuments documents;

    @Inject
    Instance<LuceneSearch> lucene;

    @Test
    void everyChangeToWhatIsSearchedChangesTheFingerprint() {
        String slug = TestPosts.publish(TestAccounts.create(Role.AUTHOR, "Fingerprint Author").principal(),
                TestPosts.unique("Fingerprinted "), "A body to find.", List.of(TestPosts.unique("print")));
        long id = Post.<Post> find("slug", slug).firstResult().id;
        long comment = guestComment(slug, "Printed", guestEmail("printed"), "A comment to find.");
        long tag = QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> findById(id).tags.iterator().next().id);

        String before = documents.fingerprint();
        approve(comment);
        before = changed(before, "approving a comment");
        onComment(comment, c -> c.bodyHtml = "<p>An edited comment.</p>");
        before = changed(before, "editing an approved comment");
        onComment(comment, c -> c.status = CommentStatus.SPAM);
        before = changed(before, "an approved comment leaving");
        onPost(id, p -> p.title = p.title + " edited");
        before = changed(before, "editing a post");
        onPost(id, p -> p.status = PostStatus.DRAFT);
        before = changed(before, "a post leaving the public ones");
        QuarkusTransaction.requiringNew().run(() -> {
            Tag renamed = Tag.findById(tag);
            renamed.name = new StringBuilder(renamed.name).reverse().toString();
        });
        changed(before, "renaming a tag, even to a name of the same length");
    }

    @Test
    void aCleanStopRecordsTheFingerprintTheNextStartExpects() throws Exception {
        assumeTrue(lucene.isResolvable(), "the embedded build's index");
        LuceneSearch search = lucene.get();
        assertThat(search.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        search.recordCleanStop();

        assertThat(search.storedFingerprint()).isEqualTo(search.expectedFingerprint());
    }

    private String changed(String before, String what) {
        String after = documents.fingerprint();
        assertThat(after).as(what).isNotEqualTo(before);
        return after;
    }

    private static void onComment(long id, Consumer<Comment> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(Comment.findById(id)));
    }

    private static void onPost(long id, Consumer<Post> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(Post.findById(id)));
    }
}
