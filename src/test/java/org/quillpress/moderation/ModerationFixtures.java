package org.quillpress.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentStatus;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Posts and guest comments for the moderation tests, made the way readers make them: over HTTP. */
final class ModerationFixtures {

    private ModerationFixtures() {
    }

    static String post(String title) {
        return TestPosts.publish(TestAccounts.owner(), TestPosts.unique(title), "A post to discuss.", List.of());
    }

    static CommentStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment> findByIdOptional(id)
                .map(c -> c.status).orElse(null));
    }

    static String body(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment> findById(id).bodyMarkdown);
    }

    static WebClient moderator(String name) {
        return TestAccounts.create(org.quillpress.account.Role.MODERATOR, name).signIn();
    }

    /** The HTML of one entry of the queue, from its opening to the next entry. */
    static String entry(String page, long id) {
        int start = page.indexOf("<li id=\"entry-" + id + "\">");
        assertThat(start).as("entry %d is listed", id).isNotNegative();
        int end = page.indexOf("<li id=\"entry-", start + 10);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static final Pattern COUNT = Pattern.compile(">(Pending|Approved|Spam|Trash) <span class=\"count\">(\\d+)</span>");

    /** The counts on the queue's tabs, by tab label. */
    static Map<String, Integer> tabCounts(String page) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = COUNT.matcher(page);
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return counts;
    }
}
