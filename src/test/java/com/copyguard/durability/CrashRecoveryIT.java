package com.copyguard.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.JarProcess;
import com.copyguard.testing.TempDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The durability promise end to end, on the packaged jar: a seeded burst from several concurrent
 * clients, SIGKILL at a random moment, restart. Every input that got a 2xx must be in the journal
 * (and a refused one must not), a repeat of every acknowledged fill and deposit must get its first
 * answer and change nothing, and the restarted service (snapshot + journal tail, since snapshots
 * are taken every 250 entries) must report the same state hash as a full replay of the journal by
 * the {@code state-hash --no-snapshot} tool. Seeds: {@code -Dcopyguard.crash.seeds=1,2,3}.
 */
class CrashRecoveryIT {
    private static final int CLIENTS = 4;
    private static final int PER_CLIENT = 500;

    static Stream<Long> seeds() {
        String property = System.getProperty("copyguard.crash.seeds");
        if (property != null && !property.isBlank()) {
            return Arrays.stream(property.split(",")).map(String::trim).map(Long::parseLong);
        }
        return Stream.of(11L, 23L, 37L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyAcknowledgedInputSurvivesSigkill(long seed) throws Exception {
        try {
            crashAndRecover(seed);
        } catch (AssertionError | Exception e) {
            System.err.println("CrashRecoveryIT failed for seed " + seed + " (rerun with -Dcopyguard.crash.seeds=" + seed
                    + "); its data directory is kept in " + System.getProperty("java.io.tmpdir"));
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    private void crashAndRecover(long seed) throws Exception {
        Path dir = Files.createTempDirectory("copyguard-crash-" + seed + "-");
        Random random = new Random(seed);
        int killAfter = 300 + random.nextInt(CLIENTS * PER_CLIENT - 700);
        int jitterMillis = random.nextInt(20);

        long t0 = System.nanoTime();
        Bursts.Result burst;
        HttpWorkload.Setup setup;
        try (JarProcess first = JarProcess.start(dir, "--snapshot-every", "250")) {
            setup = HttpWorkload.setup(new HttpWorkload.Http(first.api()), 8, 3);
            AtomicBoolean killed = new AtomicBoolean();
            Thread[] killer = new Thread[1];
            burst = Bursts.run(first.api(), seed, CLIENTS, PER_CLIENT, setup, acked -> {
                if (acked >= killAfter && killed.compareAndSet(false, true)) {
                    killer[0] = new Thread(() -> {
                        sleep(jitterMillis);
                        first.kill();
                    });
                    killer[0].start();
                }
            });
            if (killer[0] != null) {
                killer[0].join();
            }
            assertThat(killed).as("the burst reached the kill point").isTrue();
        }
        System.out.printf("seed %d: killed after %d acknowledged inputs (%d sent, %d unanswered) at %d ms%n", seed,
                burst.acked(), burst.sent().size(), burst.unknown(), (System.nanoTime() - t0) / 1_000_000);

        try (JarProcess second = JarProcess.start(dir, "--snapshot-every", "250")) {
            HttpWorkload.Http http = new HttpWorkload.Http(second.api());
            JsonNode live = http.get("/state/hash");

            List<HttpWorkload.Sent> all = new java.util.ArrayList<>(setup.sent());
            all.addAll(burst.sent());
            List<String> journal = Bursts.journalKeys(dir);
            assertThat(Bursts.checkAgainstJournal(all, journal)).as("journal vs acknowledged inputs").isEmpty();
            assertThat(live.path("seq").asLong()).isEqualTo(journal.size());
            assertThat(second.log()).as("restart used a snapshot").containsPattern("\"snapshotSeq\":[1-9]");

            int repeated = 0;
            for (HttpWorkload.Sent s : all) {
                String key = s.request().key();
                if (s.acked() && (key.startsWith("fill:") || key.startsWith("deposit:"))) {
                    HttpWorkload.Sent again = http.send(s.request());
                    assertThat(again.status()).as("repeat of " + key).isEqualTo(s.status());
                    assertThat(again.body()).as("repeat of " + key + " gets the first answer").isEqualTo(s.body());
                    repeated++;
                }
            }
            assertThat(repeated).isGreaterThan(50);
            assertThat(http.get("/state/hash")).as("repeats change nothing").isEqualTo(live);
            assertThat(second.terminate()).isZero();
            System.out.printf("seed %d: restarted, checked, repeated %d inputs, stopped at %d ms%n", seed, repeated,
                    (System.nanoTime() - t0) / 1_000_000);

            JsonNode replay = JarProcess.stateHash(dir, true);
            assertThat(replay.path("snapshotSeq").asLong()).isZero();
            assertThat(replay.path("seq")).isEqualTo(live.path("seq"));
            assertThat(replay.path("hash")).as("full replay of the journal").isEqualTo(live.path("hash"));
            System.out.printf("seed %d: full replay hash equal at %d ms%n", seed, (System.nanoTime() - t0) / 1_000_000);
        }
        TempDirs.delete(dir);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
