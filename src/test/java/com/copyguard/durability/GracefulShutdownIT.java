package com.copyguard.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.JarProcess;
import com.copyguard.testing.TempDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM in the middle of a burst: the service stops accepting, answers or refuses what is in
 * flight, commits its last batch, writes a snapshot at the journal's end and exits 0. No
 * acknowledged input is lost and the restart needs no replay at all.
 */
class GracefulShutdownIT {
    @Test
    void sigtermFinishesTheBatchSnapshotsAndExitsZero() throws Exception {
        Path dir = Files.createTempDirectory("copyguard-sigterm-");
        Bursts.Result burst;
        HttpWorkload.Setup setup;
        int exitCode;
        String log;
        try (JarProcess service = JarProcess.start(dir, "--snapshot-every", "0")) {
            setup = HttpWorkload.setup(new HttpWorkload.Http(service.api()), 8, 3);
            AtomicBoolean signalled = new AtomicBoolean();
            int[] code = {-1};
            Thread[] terminator = new Thread[1];
            burst = Bursts.run(service.api(), 77, 4, 400, setup, acked -> {
                if (acked >= 500 && signalled.compareAndSet(false, true)) {
                    terminator[0] = new Thread(() -> code[0] = service.terminate());
                    terminator[0].start();
                }
            });
            terminator[0].join();
            exitCode = code[0];
            log = service.log();
        }
        assertThat(exitCode).as(log).isZero();
        assertThat(log).contains("\"signal\":\"SIGTERM\"").contains("snapshot_written").contains("\"exitCode\":0");

        List<HttpWorkload.Sent> all = new ArrayList<>(setup.sent());
        all.addAll(burst.sent());
        List<String> journal = Bursts.journalKeys(dir);
        assertThat(Bursts.checkAgainstJournal(all, journal)).isEmpty();
        assertThat(burst.sent()).as("inputs after SIGTERM are refused or find the door closed")
                .anyMatch(s -> s.status() == 503 || s.status() < 0);

        JsonNode fromSnapshot = JarProcess.stateHash(dir, false);
        assertThat(fromSnapshot.path("snapshotSeq").asLong()).as("snapshot at the journal's end").isEqualTo(journal.size());
        assertThat(fromSnapshot.path("replayed").asLong()).isZero();
        JsonNode replay = JarProcess.stateHash(dir, true);
        assertThat(replay.path("hash")).isEqualTo(fromSnapshot.path("hash"));

        try (JarProcess again = JarProcess.start(dir, "--snapshot-every", "0")) {
            assertThat(new HttpWorkload.Http(again.api()).get("/state/hash")).isEqualTo(
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                            .put("seq", journal.size()).put("hash", replay.path("hash").asText()));
            assertThat(again.log()).contains("\"replayed\":0");
            assertThat(again.terminate()).isZero();
        }
        TempDirs.delete(dir);
    }
}
