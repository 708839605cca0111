package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.quillpress.support.TestClock;
import org.quillpress.support.WebClient;
import org.quillpress.wxr.ImportReport.Kind;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Imports as rows of the database: another instance's import shows its progress here, and an import whose
 * instance died (its lease ran out) is taken over and finished. The other instance is played by rows written
 * the way it would have written them.
 */
@QuarkusTest
class ImportJobsTest {

    private static final Duration IMPORT_TIME = Duration.ofMinutes(2);

    @Inject
    ImportJobs jobs;

    @Inject
    ImportJobsConfig config;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TestClock clock;

    /** Writes a running job as another instance would, with the file in pieces of {@code chunk} bytes. */
    private String otherInstancesJob(String owner, Instant leaseUntil, byte[] file, int chunk, ImportReport report,
            long read) throws Exception {
        String id = UUID.randomUUID().toString();
        String saved = json.writeValueAsString(report.saved());
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob();
            job.id = id;
            job.fileName = "other.xml";
            job.state = ImportJob.State.RUNNING;
            job.sizeBytes = file.length;
            job.bytesRead = read;
            job.report = saved;
            job.owner = owner;
            job.leaseUntil = leaseUntil;
            job.runs = 1;
            job.createdAt = clock.instant().minus(Duration.ofMinutes(5));
            job.updatedAt = job.createdAt;
            job.persist();
            for (int seq = 0; seq * chunk < file.length; seq++) {
                byte[] piece = Arrays.copyOfRange(file, seq * chunk, Math.min(file.length, (seq + 1) * chunk));
                em.createNativeQuery("insert into import_job_chunk (job_id, seq, data) values (?1, ?2, ?3)")
                        .setParameter(1, id).setParameter(2, seq).setParameter(3, piece).executeUpdate();
            }
        });
        return id;
    }

    private static ImportJob row(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob> findById(id));
    }

    private static long chunks(EntityManager em, String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from import_job_chunk where job_id = ?1")
                        .setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void progressOfAnImportRunningOnAnotherInstanceShowsHere() throws Exception {
        ImportReport report = new ImportReport();
        report.source("https://elsewhere.example");
        for (int i = 0; i < 3; i++) {
            report.add(Kind.POST);
        }
        report.skipped(Kind.COMMENT, "comment 7", "pingbacks and trackbacks are not kept here");
        String id = otherInstancesJob("other-host/1/alive", clock.instant().plus(config.lease()),
                new byte[1000], 1000, report, 420);

        String page = WebClient.owner().get("/admin/import/" + id).asString();

        assertThat(page).contains("Import of other.xml", "Source: https://elsewhere.example", "value=\"42\"", "42%",
                "<td>Posts</td><td>3</td><td>0</td><td>0</td>", "<td>Comments</td><td>0</td><td>1</td><td>0</td>",
                "<meta http-equiv=\"refresh\"");
        // it is the other instance's, and alive: nobody takes it over
        jobs.takeOverAbandoned();
        assertThat(row(id).owner).isEqualTo("other-host/1/alive");
        // gone, so that no later test (moving the clock past its lease) takes it over
        QuarkusTransaction.requiringNew().run(() -> ImportJob.deleteById(id));
    }

    @Test
    void importWhoseInstanceDiedIsTakenOverAndFinished() throws Exception {
        byte[] xml = WxrFixtures.resource("harbour-1.1-https.xml").replace("https://harbour.example",
                "https://taken-over.example").replace("tide-tables", "taken-over-tide-tables")
                .getBytes(StandardCharsets.UTF_8);
        // the dead instance had read a little and saved its progress; small pieces, so reading spans many
        String id = otherInstancesJob("dead-host/1/gone", clock.instant().minus(Duration.ofSeconds(1)), xml, 700,
                new ImportReport(), 700);

        jobs.takeOverAbandoned();

        assertThat(row(id).owner).isEqualTo(jobs.instance());
        assertThat(row(id).runs).isEqualTo(2);
        await().atMost(IMPORT_TIME).until(() -> row(id).state == ImportJob.State.FINISHED);
        String page = WebClient.owner().get("/admin/import/" + id).asString();
        assertThat(page).contains("Import finished.", "<td>Posts</td><td>1</td><td>0</td><td>0</td>",
                "taken over by another instance").doesNotContain("http-equiv=\"refresh\"");
        assertThat(WebClient.anonymous().get("/posts/taken-over-tide-tables").statusCode()).isEqualTo(200);
        assertThat(chunks(em, id)).as("the file is dropped once the job ends").isZero();
    }

    @Test
    void aJobTakenOverWhileItWaitedHereIsLeftToItsNewOwner() throws Exception {
        byte[] xml = WxrFixtures.resource("harbour-1.1-https.xml").replace("https://harbour.example",
                "https://stalled.example").replace("tide-tables", "stalled-tide-tables")
                .getBytes(StandardCharsets.UTF_8);
        String id = otherInstancesJob(jobs.instance(), clock.instant().plus(config.lease()), xml, 1 << 20,
                new ImportReport(), 0);
        // while it waited here behind another import, this instance stalled and another took it over
        QuarkusTransaction.requiringNew()
                .run(() -> ImportJob.update("owner = ?1 where id = ?2", "other-host/2/taker", id));

        jobs.run(id);

        ImportJob job = row(id);
        assertThat(job.owner).isEqualTo("other-host/2/taker");
        assertThat(job.state).isEqualTo(ImportJob.State.RUNNING);
        assertThat(chunks(em, id)).as("the taker still needs the file").isPositive();
    }

    @Test
    void anUnknownImportAnswers404() {
        assertThat(WebClient.owner().get("/admin/import/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }
}
