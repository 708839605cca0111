package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a guest must give to comment, and the message for each field at fault.
 * A Quarkus test: the messages come from the site's language bundles.
 */
@QuarkusTest
class GuestDetailsTest {

    static Stream<Arguments> problems() {
        return Stream.of(
                argumentSet("all fine, website left out", "Ada", "ada@readers.test", "", Map.of()),
                argumentSet("all fine, with a website", "Ada", "ada@readers.test", "https://ada.example/blog", Map.of()),
                argumentSet("no name", " ", "ada@readers.test", "", Map.of("name", "Enter your name.")),
                argumentSet("a name over 245 bytes", "é".repeat(123), "ada@readers.test", "",
                        Map.of("name", "Use at most 245 bytes for the name.")),
                argumentSet("no email", "Ada", null, "", Map.of("email", "Enter your email address; it is never shown.")),
                argumentSet("an email over 100 bytes", "Ada", "a".repeat(91) + "@b.example", "",
                        Map.of("email", "Use at most 100 bytes for the email address.")),
                argumentSet("not an email", "Ada", "ada-at-home", "",
                        Map.of("email", "Enter an email address such as name@example.org.")),
                argumentSet("a website over 200 bytes", "Ada", "ada@readers.test", "https://a.example/" + "a".repeat(190),
                        Map.of("website", "Use at most 200 bytes for the website.")),
                argumentSet("a website that is not a web address", "Ada", "ada@readers.test", "javascript:alert(1)",
                        Map.of("website", "Enter a web address starting with https:// or http://.")),
                argumentSet("every field at fault at once", "", "", "ftp://files.example",
                        Map.of("name", "Enter your name.", "email", "Enter your email address; it is never shown.",
                                "website", "Enter a web address starting with https:// or http://.")));
    }

    @ParameterizedTest
    @MethodSource
    void problems(String name, String email, String website, Map<String, String> expected) {
        assertThat(GuestDetails.typed(name, email, website).problems()).isEqualTo(expected);
    }

    @Test
    void fieldsAreStrippedAndMissingOnesAreEmpty() {
        assertThat(GuestDetails.typed("  Ada ", null, " https://ada.example "))
                .isEqualTo(new GuestDetails("Ada", "", "https://ada.example"));
    }
}
