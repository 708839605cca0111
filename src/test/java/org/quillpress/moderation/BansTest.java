package org.quillpress.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Ban;
import org.quillpress.account.Bans;

/** The address arithmetic behind network bans, without the application. */
class BansTest {

    @Test
    void addressesInsideARangeMatchAndOthersDoNot() {
        assertThat(Bans.inNetwork("203.0.113.7", "203.0.113.0/24")).isTrue();
        assertThat(Bans.inNetwork("203.0.114.7", "203.0.113.0/24")).isFalse();
        assertThat(Bans.inNetwork("127.0.0.1", "127.0.0.1")).isTrue();
        assertThat(Bans.inNetwork("127.0.0.2", "127.0.0.1/32")).isFalse();
        assertThat(Bans.inNetwork("2001:db8::1", "2001:db8::/32")).isTrue();
        assertThat(Bans.inNetwork("2001:db9::1", "2001:db8::/32")).isFalse();
        assertThat(Bans.inNetwork("203.0.113.7", "2001:db8::/32")).isFalse();
    }

    @Test
    void onlyAddressesAndRangesAreNetworks() {
        assertThat(Bans.isNetwork("203.0.113.0/24")).isTrue();
        assertThat(Bans.isNetwork("2001:db8::/32")).isTrue();
        assertThat(Bans.isNetwork("example.org")).isFalse();
        assertThat(Bans.isNetwork("203.0.113.0/")).isFalse();
        assertThat(Bans.isNetwork("")).isFalse();
    }

    @Test
    void rangesWiderThanASlashEightOrSixteenAreTooWide() {
        assertThat(ModerationService.tooWide("0.0.0.0/0")).isTrue();
        assertThat(ModerationService.tooWide("10.0.0.0/7")).isTrue();
        assertThat(ModerationService.tooWide("10.0.0.0/8")).isFalse();
        assertThat(ModerationService.tooWide("2001:db8::/15")).isTrue();
        assertThat(ModerationService.tooWide("2001:db8::/32")).isFalse();
        assertThat(ModerationService.tooWide("203.0.113.7")).isFalse();
    }

    @Test
    void aBanEndsAtItsExpiry() {
        Ban ban = new Ban();
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        assertThat(ban.activeAt(now)).isTrue();
        ban.expiresAt = now.minus(Duration.ofMinutes(1));
        assertThat(ban.activeAt(now)).isFalse();
        ban.expiresAt = now.plus(Duration.ofDays(1));
        assertThat(ban.activeAt(now)).isTrue();
    }
}
