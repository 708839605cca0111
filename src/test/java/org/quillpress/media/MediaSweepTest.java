package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MediaSweepTest {

    @Inject
    MediaSweep sweep;

    @Inject
    TestClock clock;

    /** A file as a process killed before writing its row leaves it, written {@code age} ago. */
    Path orphan(String name, Duration age) throws Exception {
        Path file = MediaApiTest.STORE.resolve(name);
        Files.createDirectories(MediaApiTest.STORE);
        Files.write(file, TestImages.jpeg(20, 20));
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(age)));
        return file;
    }

    @Test
    void filesNoRowNamesGoAfterAnHourAndTheLibrarysFilesStay() throws Exception {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Swept Author").signIn();
        String url = MediaApiTest.upload(author, "kept.jpg", TestImages.jpeg(600, 400), "image/jpeg", null).jsonPath()
                .getString("url");
        Path kept = MediaApiTest.STORE.resolve(url.substring(MediaFiles.PREFIX.length()));
        Files.setLastModifiedTime(kept, FileTime.from(clock.instant().minus(Duration.ofHours(3))));
        Path old = orphan("0123456789abcdef01234567-480.jpg", Duration.ofHours(2));
        Path fresh = orphan("76543210fedcba9876543210-480.jpg", Duration.ofMinutes(5));
        Path temporary = orphan(".upload-123456.tmp", Duration.ofHours(2));
        Path foreign = orphan("README.txt", Duration.ofHours(2));

        sweep.sweep(clock.instant().minus(MediaSweep.ORPHAN_AGE));

        assertThat(old).doesNotExist();
        assertThat(temporary).doesNotExist();
        assertThat(fresh).exists();
        assertThat(kept).exists();
        assertThat(foreign).exists();
        assertThat(WebClient.anonymous().get(url).statusCode()).isEqualTo(200);
        Files.delete(fresh);
        Files.delete(foreign);
    }

    @Test
    void oneInstanceAtATimeTakesTheSweepsTurn() throws Exception {
        Instant later = clock.instant().plus(Duration.ofDays(400));
        Callable<Boolean> claim = () -> sweep.claimTurn(later);
        var pool = Executors.newFixedThreadPool(4);
        try {
            long claimed = pool.invokeAll(java.util.Collections.nCopies(4, claim)).stream().filter(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count();
            assertThat(claimed).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        // within the period nobody sweeps again; after it, one does
        assertThat(sweep.claimTurn(later.plus(Duration.ofMinutes(10)))).isFalse();
        assertThat(sweep.claimTurn(later.plus(Duration.ofHours(1)))).isTrue();
    }
}
