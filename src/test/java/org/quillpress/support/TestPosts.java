package org.quillpress.support;

import java.util.List;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.post.Post;
import org.quillpress.post.PostInput;
import org.quillpress.post.PostService;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Posts for tests, made through the same service the write page and the API use. */
public final class TestPosts {

    private TestPosts() {
    }

    public static String publish(AccountPrincipal author, String title, String body, List<String> tags) {
        return save(author, new PostInput(title, body, null, tags, null, null, "PUBLISHED", null, true, null, null,
                null, null));
    }

    public static String save(AccountPrincipal author, PostInput input) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Post post = Arc.container().instance(PostService.class).get().create(input, author);
            return post.slug;
        });
    }

    /** A unique word for titles, so that searches and archives find only this test's posts. */
    public static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }
}
