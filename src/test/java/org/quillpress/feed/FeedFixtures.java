package org.quillpress.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.post.Category;
import org.quillpress.post.Post;
import org.quillpress.post.PostInput;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostService;
import org.quillpress.post.PostStatus;
import org.quillpress.support.TestAccounts;
import org.quillpress.web.ContentChanged;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Posts, pages and categories made through the real service, as the owner would make them. */
@ApplicationScoped
public class FeedFixtures {

    /** Fixtures that write straight to the database say so, as every writer of public content must. */
    @Inject
    Event<ContentChanged> changed;

    @Inject
    PostService posts;

    @Inject
    Clock clock;

    public Account owner() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Account.<Account> find("email", TestAccounts.OWNER_EMAIL).firstResult());
    }

    public Post published(String title, String slug, List<String> tags, String category) {
        return post(title, slug, tags, category, "PUBLISHED", null);
    }

    /** A published post with this Markdown body, by {@code author}. */
    public Post publishedWithBody(String title, String slug, String body, AccountPrincipal author) {
        return posts.create(new PostInput(title, body, null, List.of(), null, slug, "PUBLISHED", null, null, null,
                "POST", null, null), author);
    }

    public Post draft(String title, String slug, List<String> tags, String category) {
        return post(title, slug, tags, category, "DRAFT", null);
    }

    public Post scheduledTomorrow(String title, String slug, List<String> tags, String category) {
        return post(title, slug, tags, category, "SCHEDULED",
                clock.instant().plus(1, ChronoUnit.DAYS).toString());
    }

    public Post publishedPage(String title, String slug) {
        return posts.create(new PostInput(title, "A page about " + slug + ".", null, null, null, slug, "PUBLISHED",
                null, null, null, "PAGE", null, null), AccountPrincipal.of(owner()));
    }

    public Post draftPage(String title, String slug) {
        return posts.create(new PostInput(title, "A page about " + slug + ".", null, null, null, slug, "DRAFT",
                null, null, null, "PAGE", null, null), AccountPrincipal.of(owner()));
    }

    /** A category; only admins make them, and there is no page for it yet. */
    public Category category(String name, String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Category category = new Category();
            category.name = name;
            category.slug = slug;
            category.persist();
            changed.fire(new ContentChanged("a test category"));
            return category;
        });
    }

    /** A category under {@code parentId}. */
    public Category subcategory(String name, String slug, long parentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Category category = new Category();
            category.name = name;
            category.slug = slug;
            category.parent = Category.findById(parentId);
            category.persist();
            changed.fire(new ContentChanged("a test subcategory"));
            return category;
        });
    }

    /**
     * {@code count} published posts saved straight to the database in one transaction: the service
     * would take minutes for the thousands a paging test needs, and these need no checks or rendering.
     */
    public void bulkPublished(String slugPrefix, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account owner = Account.find("email", TestAccounts.OWNER_EMAIL).firstResult();
            Instant now = clock.instant();
            for (int i = 0; i < count; i++) {
                Post post = new Post();
                post.kind = PostKind.POST;
                post.slug = slugPrefix + "-" + i;
                post.title = "Bulk " + i;
                post.bodyMarkdown = "Bulk post " + i;
                post.bodyHtml = "<p>Bulk post " + i + "</p>";
                post.excerpt = "Bulk post " + i;
                post.status = PostStatus.PUBLISHED;
                post.publishAt = now;
                post.author = owner;
                post.commentsOpen = true;
                post.createdAt = now;
                post.updatedAt = now;
                post.persist();
            }
            changed.fire(new ContentChanged("bulk test posts"));
        });
    }

    private Post post(String title, String slug, List<String> tags, String category, String status,
            String publishAt) {
        String body = "Some **bold** words about " + slug + ".\n\nA second paragraph.";
        return posts.create(new PostInput(title, body, "The excerpt of " + slug + ".", tags, category, slug, status,
                publishAt, null, null, "POST", null, null), AccountPrincipal.of(owner()));
    }
}
