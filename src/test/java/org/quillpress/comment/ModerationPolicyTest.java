package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quillpress.comment.ModerationPolicy.Draft;
import org.quillpress.comment.ModerationPolicy.History;
import org.quillpress.comment.ModerationPolicy.Verdict;

/**
 * Every rule of the moderation decision, one row each. A row starts from a comment nothing objects to (a
 * known guest, a calm body, a form filled in for half a minute) and changes one thing, so that it fails if
 * its rule goes.
 */
class ModerationPolicyTest {

    private static final BooleanSupplier KNOWN = () -> true;
    private static final BooleanSupplier FIRST_TIME = () -> false;
    /** For writers whose history must not cost a query: trusted ones, and spam. */
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("the writer's history was looked up");
    };

    static Stream<Arguments> everyRule() {
        return Stream.of(
                // the starting point
                argumentSet("a known guest's calm comment is approved",
                        draft(), guest(KNOWN), rules(), approved()),

                // spam: stored, never shown
                argumentSet("a filled hidden field is spam",
                        draft().honeypot("https://pills.example"), guest(NOT_ASKED), rules(),
                        spam("filled the hidden field people leave empty")),
                argumentSet("a hidden field of white space counts as empty",
                        draft().honeypot("  "), guest(KNOWN), rules(), approved()),
                argumentSet("a form sent sooner than the minimum is spam",
                        draft().formAge(Duration.ofMillis(1_240)), guest(NOT_ASKED), rules().minSecondsToWrite(3),
                        spam("posted 1.2 s after the form was shown (minimum 3 s)")),
                argumentSet("a form sent just at the minimum is fine",
                        draft().formAge(Duration.ofSeconds(3)), guest(KNOWN), rules().minSecondsToWrite(3), approved()),
                argumentSet("a form whose stamp is missing or forged is spam",
                        draft().formAge(null), guest(NOT_ASKED), rules(),
                        spam("the form was not one this site showed")),
                argumentSet("no minimum time means any form age is fine",
                        draft().formAge(Duration.ZERO), guest(KNOWN), rules().minSecondsToWrite(0), approved()),
                argumentSet("the API has no form: no stamp and no hidden field to judge",
                        draft().fromForm(false).formAge(null).honeypot("filled by a script"), guest(KNOWN), rules(),
                        approved()),
                argumentSet("a disallowed term in the body is spam, whatever its case",
                        draft().body("Visit my CASINO today"), guest(NOT_ASKED), rules().spamTerms("casino"),
                        spam("matched disallowed term 'casino' in body")),
                argumentSet("a disallowed term in the name is spam",
                        draft().name("Casino Carl"), guest(NOT_ASKED), rules().spamTerms("casino"),
                        spam("matched disallowed term 'casino' in name")),
                argumentSet("a disallowed term in the email is spam",
                        draft().email("carl@casino.example"), guest(NOT_ASKED), rules().spamTerms("casino"),
                        spam("matched disallowed term 'casino' in email")),
                argumentSet("a disallowed term in the website is spam",
                        draft().website("https://casino.example"), guest(NOT_ASKED), rules().spamTerms("casino"),
                        spam("matched disallowed term 'casino' in website")),
                argumentSet("a disallowed term in the network address is spam",
                        draft().address("198.51.100.23"), guest(NOT_ASKED), rules().spamTerms("198.51.100."),
                        spam("matched disallowed term '198.51.100.' in address")),
                argumentSet("a term is reported once, in the first field that has it; each term has its reason",
                        draft().body("casino and pills").name("Casino Carl"), guest(NOT_ASKED),
                        rules().spamTerms("casino", "pills", "lottery"),
                        spam("matched disallowed term 'casino' in body", "matched disallowed term 'pills' in body")),
                argumentSet("every spam reason is given, in order",
                        draft().honeypot("x").formAge(Duration.ofMillis(400)).body("casino"), guest(NOT_ASKED),
                        rules().minSecondsToWrite(3).spamTerms("casino"),
                        spam("filled the hidden field people leave empty",
                                "posted 0.4 s after the form was shown (minimum 3 s)",
                                "matched disallowed term 'casino' in body")),

                // held for a person's look
                argumentSet("a guest's first comment is held",
                        draft(), guest(FIRST_TIME), rules(), pending("first comment from this email")),
                argumentSet("an account's first comment is held",
                        draft(), account(FIRST_TIME), rules(), pending("first comment from this account")),
                argumentSet("without prior approval a first comment is approved, and no history is looked up",
                        draft(), guest(NOT_ASKED), rules().requirePriorApproval(false), approved()),
                argumentSet("as many links as the limit are held",
                        draft().links(2), guest(KNOWN), rules().linkLimit(2), pending("2 links (limit 2)")),
                argumentSet("more links than the limit are held",
                        draft().links(7), guest(KNOWN), rules().linkLimit(2), pending("7 links (limit 2)")),
                argumentSet("fewer links than the limit are fine",
                        draft().links(1), guest(KNOWN), rules().linkLimit(2), approved()),
                argumentSet("a link limit of 0 switches the rule off",
                        draft().links(40), guest(KNOWN), rules().linkLimit(0), approved()),
                argumentSet("a moderation term in the body is held",
                        draft().body("This is about Politics."), guest(KNOWN), rules().holdTerms("politics"),
                        pending("matched moderation term 'politics' in body")),
                argumentSet("a moderation term in the website is held",
                        draft().website("https://politics.example"), guest(KNOWN), rules().holdTerms("politics"),
                        pending("matched moderation term 'politics' in website")),
                argumentSet("a moderation term in the address is held",
                        draft().address("203.0.113.9"), guest(KNOWN), rules().holdTerms("203.0.113."),
                        pending("matched moderation term '203.0.113.' in address")),
                argumentSet("when every comment must be approved, every comment is held",
                        draft(), guest(KNOWN), rules().requireApproval(true), pending("every comment must be approved")),
                argumentSet("every hold reason is given, in order",
                        draft().links(3).name("Politics Pete"), guest(FIRST_TIME),
                        rules().linkLimit(2).holdTerms("politics").requireApproval(true),
                        pending("first comment from this email", "3 links (limit 2)",
                                "matched moderation term 'politics' in name", "every comment must be approved")),

                // spam wins over hold
                argumentSet("spam wins over hold, and only the spam reasons are kept",
                        draft().body("casino politics").links(5), guest(NOT_ASKED),
                        rules().spamTerms("casino").holdTerms("politics").requireApproval(true).linkLimit(2),
                        spam("matched disallowed term 'casino' in body")),

                // trusted writers
                argumentSet("staff are approved at once, spared every spam and hold rule",
                        everythingWrong(), new History(true, true, false, NOT_ASKED), strictest(), approved()),
                argumentSet("the post's author is approved at once, spared every spam and hold rule",
                        everythingWrong(), new History(true, false, true, NOT_ASKED), strictest(), approved()),
                argumentSet("an account that is neither staff nor the post's author gets the rules",
                        draft(), account(KNOWN), rules().requireApproval(true), pending("every comment must be approved")));
    }

    @ParameterizedTest
    @MethodSource
    void everyRule(DraftBuilder draft, History writer, RulesBuilder rules, Verdict expected) {
        assertThat(ModerationPolicy.decide(draft.build(), writer, rules.build())).isEqualTo(expected);
    }

    @Test
    void theSitesDefaultRulesHoldAGuestsFirstCommentAndLetAKnownOneThrough() {
        DiscussionSettings.Rules defaults = DiscussionSettings.Rules.defaults();
        assertThat(ModerationPolicy.decide(draft().build(), guest(FIRST_TIME), defaults))
                .isEqualTo(pending("first comment from this email"));
        assertThat(ModerationPolicy.decide(draft().build(), guest(KNOWN), defaults)).isEqualTo(approved());
    }

    static Verdict approved() {
        return new Verdict(CommentStatus.APPROVED, List.of());
    }

    static Verdict pending(String... reasons) {
        return new Verdict(CommentStatus.PENDING, List.of(reasons));
    }

    static Verdict spam(String... reasons) {
        return new Verdict(CommentStatus.SPAM, List.of(reasons));
    }

    static History guest(BooleanSupplier known) {
        return new History(false, false, false, known);
    }

    static History account(BooleanSupplier known) {
        return new History(true, false, false, known);
    }

    /** A comment that breaks every rule at once. */
    static DraftBuilder everythingWrong() {
        return draft().body("casino politics").links(9).honeypot("x").formAge(null);
    }

    /** Rules that turn everything on. */
    static RulesBuilder strictest() {
        return rules().minSecondsToWrite(30).linkLimit(1).requireApproval(true).requirePriorApproval(true)
                .spamTerms("casino").holdTerms("politics");
    }

    static DraftBuilder draft() {
        return new DraftBuilder();
    }

    /** Lenient rules: nothing held or refused unless a row turns it on. */
    static RulesBuilder rules() {
        return new RulesBuilder();
    }

    /** A new comment nothing objects to; each row changes what its rule is about. */
    static final class DraftBuilder {
        private String body = "A calm remark about the post.";
        private int links;
        private String name = "Ada Guest";
        private String email = "ada@readers.test";
        private String website = "";
        private String address = "192.0.2.10";
        private String honeypot = "";
        private Duration formAge = Duration.ofSeconds(30);
        private boolean fromForm = true;

        DraftBuilder body(String body) {
            this.body = body;
            return this;
        }

        DraftBuilder links(int links) {
            this.links = links;
            return this;
        }

        DraftBuilder name(String name) {
            this.name = name;
            return this;
        }

        DraftBuilder email(String email) {
            this.email = email;
            return this;
        }

        DraftBuilder website(String website) {
            this.website = website;
            return this;
        }

        DraftBuilder address(String address) {
            this.address = address;
            return this;
        }

        DraftBuilder honeypot(String honeypot) {
            this.honeypot = honeypot;
            return this;
        }

        /** Null for a stamp that is missing or not genuine. */
        DraftBuilder formAge(Duration formAge) {
            this.formAge = formAge;
            return this;
        }

        DraftBuilder fromForm(boolean fromForm) {
            this.fromForm = fromForm;
            return this;
        }

        Draft build() {
            return new Draft(body, links, name, email, website, address, honeypot, Optional.ofNullable(formAge),
                    fromForm);
        }
    }

    /** The discussion rules, from lenient ones that a row makes stricter where its rule needs it. */
    static final class RulesBuilder {
        private int minSecondsToWrite;
        private int linkLimit;
        private boolean requireApproval;
        private boolean requirePriorApproval = true;
        private List<String> holdTerms = List.of();
        private List<String> spamTerms = List.of();

        RulesBuilder minSecondsToWrite(int seconds) {
            this.minSecondsToWrite = seconds;
            return this;
        }

        RulesBuilder linkLimit(int limit) {
            this.linkLimit = limit;
            return this;
        }

        RulesBuilder requireApproval(boolean on) {
            this.requireApproval = on;
            return this;
        }

        RulesBuilder requirePriorApproval(boolean on) {
            this.requirePriorApproval = on;
            return this;
        }

        RulesBuilder holdTerms(String... terms) {
            this.holdTerms = List.of(terms);
            return this;
        }

        RulesBuilder spamTerms(String... terms) {
            this.spamTerms = List.of(terms);
            return this;
        }

        DiscussionSettings.Rules build() {
            DiscussionSettings.Rules d = DiscussionSettings.Rules.defaults();
            return new DiscussionSettings.Rules(d.threadDepth(), d.editWindowMinutes(), d.closeAfterDays(),
                    d.floodSeconds(), d.hourlyLimit(), minSecondsToWrite, linkLimit, requireApproval,
                    requirePriorApproval, holdTerms, spamTerms, d.commentsPerPage());
        }
    }
}
