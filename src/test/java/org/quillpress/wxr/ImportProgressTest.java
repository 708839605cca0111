package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ImportProgressTest {

    @Test
    void lineSaysItemsShareRateAndTimeLeft() {
        String line = ImportProgress.line(12, 24_000, 120_000_000, 480_000_000, Duration.ofSeconds(60));

        assertThat(line).isEqualTo(
                "Batch 12: 24,000 items; read 120.0 MB of 480.0 MB (25.0 %); 400 items/s; about 3 min 0 s left");
    }

    @Test
    void timeLeftIsUnknownBeforeAnythingIsRead() {
        assertThat(ImportProgress.line(1, 0, 0, 1000, Duration.ZERO)).endsWith("time left unknown");
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(ImportProgress.duration(45)).isEqualTo("45 s");
        assertThat(ImportProgress.duration(190)).isEqualTo("3 min 10 s");
        assertThat(ImportProgress.duration(3720)).isEqualTo("1 h 2 min");
    }
}
