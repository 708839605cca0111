package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.web.InvalidInputException;

import io.quarkus.test.junit.QuarkusTest;

/**
 * How a comment's text is cleaned and limited, wherever it comes from.
 * A Quarkus test: the messages come from the site's language bundles.
 */
@QuarkusTest
class CommentBodyTest {

    @Test
    void lineEndsBecomeNewlinesAndSurroundingWhiteSpaceGoes() {
        assertThat(CommentBody.clean("  First line\r\nsecond line\r\n\r\n")).isEqualTo("First line\nsecond line");
        assertThat(CommentBody.clean(null)).isEmpty();
    }

    @Test
    void anEmptyOrBlankTextIsRefused() {
        assertThat(CommentBody.problem(CommentBody.clean(" \r\n\t "))).contains("Write a comment first.");
    }

    @Test
    void theLimitIsInBytesOfUtf8() {
        assertThat(CommentBody.problem("a".repeat(CommentBody.MAX_BYTES))).isEmpty();
        assertThat(CommentBody.problem("a".repeat(CommentBody.MAX_BYTES + 1)))
                .contains("The comment is 65526 bytes; the limit is 65525.");
        // two bytes each: half as many characters fit
        assertThat(CommentBody.problem("é".repeat(CommentBody.MAX_BYTES / 2 + 1)))
                .contains("The comment is 65526 bytes; the limit is 65525.");
    }

    @Test
    void theLimitAppliesToTheCleanedText() {
        assertThat(CommentBody.problem(CommentBody.clean("a".repeat(CommentBody.MAX_BYTES) + "\r\n  "))).isEmpty();
    }

    @Test
    void cleanOrRefuseGivesTheCleanedTextOrNamesTheBodyField() {
        assertThat(CommentBody.cleanOrRefuse(" Fine.\r\n")).isEqualTo("Fine.");
        assertThatThrownBy(() -> CommentBody.cleanOrRefuse("   ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).isEqualTo(Map.of("body", "Write a comment first."));
                });
    }
}
