package com.copyguard.durability;

import com.copyguard.durability.snapshot.SnapshotMeta;
import com.copyguard.durability.snapshot.SnapshotStore;
import com.copyguard.durability.snapshot.StateHash;

import com.copyguard.core.command.Command;
import com.copyguard.core.engine.Engine;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.durability.journal.JournalEntry;
import com.copyguard.durability.journal.SqliteJournal;
import com.copyguard.testing.JarProcess;
import com.copyguard.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Figures for the README, printed, never asserted. Opt in:
 * {@code mvn -B verify -Dit.test=DurabilityBenchIT -Dcopyguard.bench=true -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false}. {@code -Dcopyguard.bench.inputs=N} sets the journal size
 * for the recovery figure (default 1,000,000).
 */
@EnabledIfSystemProperty(named = "copyguard.bench", matches = "true")
class DurabilityBenchIT {
    private static final Pattern RECOVERED = Pattern.compile("\\{\"event\":\"recovered\".*}");

    @Test
    void inputsPerSecondOverHttpWithTheJournalOn() throws Exception {
        Path dir = Files.createTempDirectory("copyguard-bench-http-");
        try (JarProcess service = JarProcess.start(List.of("-Xmx2g"), dir)) {
            HttpWorkload.Setup setup = HttpWorkload.setup(new HttpWorkload.Http(service.api()), 8, 3);
            run(service.api(), setup, 8, 500, false, "warm-up (discarded)");
            for (int clients : new int[] {1, 8, 32}) {
                run(service.api(), setup, clients, Math.max(200, 8000 / clients), false, "mixed");
            }
            for (int clients : new int[] {1, 8, 32}) {
                run(service.api(), setup, clients, Math.max(200, 8000 / clients), true, "prices only");
            }
            service.terminate();
        }
        TempDirs.delete(dir);
    }

    private static void run(com.copyguard.testing.ApiClient api, HttpWorkload.Setup setup, int clients, int perClient, boolean pricesOnly,
                            String label) throws InterruptedException {
        long seed = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong acked = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            HttpWorkload.Client client = new HttpWorkload.Client(seed, c, clients, setup);
            if (pricesOnly) {
                client.pricesOnly();
            }
            long[] lat = new long[perClient];
            latencies.add(lat);
            Thread t = new Thread(() -> {
                HttpWorkload.Http http = new HttpWorkload.Http(api);
                for (int i = 0; i < perClient; i++) {
                    long t0 = System.nanoTime();
                    HttpWorkload.Sent s = http.send(client.next());
                    lat[i] = System.nanoTime() - t0;
                    client.answered(s);
                    (s.acked() ? acked : refused).incrementAndGet();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("BENCH http %-12s clients=%-3d inputs=%-6d (%d refused) %8.0f inputs/s  p50=%.2f ms p99=%.2f ms%n",
                label, clients, all.length, refused.get(), all.length / seconds, all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6);
    }

    @Test
    void recoveryTimeForAMillionInputJournal() throws Exception {
        long inputs = Long.getLong("copyguard.bench.inputs", 1_000_000L);
        Path dir = Files.createTempDirectory("copyguard-bench-recovery-");
        long tailSnapshotAt = inputs - inputs / 10;
        String liveHash;
        Engine engine = Engines.fresh();
        String ruleSet = engine.rules().get().version();
        SnapshotStore store = new SnapshotStore(dir, 3);
        long started = System.nanoTime();
        try (SqliteJournal journal = new SqliteJournal(dir)) {
            CommandMix mix = new CommandMix(42, engine, 5, 25, CommandMix.Weights.PRICE_HEAVY);
            List<JournalEntry> batch = new ArrayList<>();
            long seq = 0;
            List<Command> setup = mix.setup(4);
            int setupIndex = 0;
            while (seq < inputs) {
                Command c = setupIndex < setup.size() ? setup.get(setupIndex++) : mix.next();
                if (Engines.apply(engine, c)) {
                    batch.add(new JournalEntry(++seq, ruleSet, CommandCodec.encode(c)));
                }
                if (batch.size() == 500 || seq == inputs || seq == tailSnapshotAt) {
                    journal.append(batch);
                    batch.clear();
                }
                if (seq == tailSnapshotAt && batch.isEmpty() && store.list().isEmpty()) {
                    snapshot(store, engine, journal, seq, ruleSet);
                }
                if (seq % 100_000 == 0 && batch.isEmpty()) {
                    System.out.printf("BENCH generated %d entries in %.0f s%n", seq, (System.nanoTime() - started) / 1e9);
                }
            }
            System.out.printf("BENCH generated a journal of %d inputs in %.0f s (%d accounts, %d subscriptions, %d "
                            + "decisions); journal.db %d MB%n", seq, (System.nanoTime() - started) / 1e9,
                    engine.ledger().accounts().size(), engine.ledger().subscriptions().size(), engine.decisions().size(),
                    journalBytes(dir) / (1 << 20));
            snapshot(store, engine, journal, seq, ruleSet);
            long h0 = System.nanoTime();
            liveHash = StateHash.of(engine);
            System.out.printf("BENCH state hash of the whole state: %.2f s (%s)%n", (System.nanoTime() - h0) / 1e9,
                    liveHash);
        }
        engine = null;
        System.gc();

        List<String> jvm = List.of("-Xmx6g");
        recover(jvm, dir, "newest snapshot, empty tail", liveHash);
        Path newest = store.list().get(0).path();
        Path aside = Files.createDirectories(dir.resolve("aside"));
        Files.move(newest, aside.resolve(newest.getFileName()));
        recover(jvm, dir, "snapshot " + (inputs / 10) + " entries back + tail", liveHash);
        for (SnapshotStore.SnapshotFile f : store.list()) {
            Files.move(f.path(), aside.resolve(f.path().getFileName()));
        }
        recover(jvm, dir, "no snapshot: full replay", liveHash);
        TempDirs.delete(dir);
    }

    private static long journalBytes(Path dir) throws java.io.IOException {
        long sum = 0;
        for (String name : new String[] {"journal.db", "journal.db-wal"}) {
            Path p = dir.resolve(name);
            sum += Files.exists(p) ? Files.size(p) : 0;
        }
        return sum;
    }

    private static void snapshot(SnapshotStore store, Engine engine, SqliteJournal journal, long seq, String ruleSet)
            throws Exception {
        long t0 = System.nanoTime();
        SnapshotMeta meta = store.write(engine, seq, ruleSet, journal.checksumAt(seq).orElse(0));
        System.out.printf("BENCH snapshot at %d: %.2f s, %d MB state encoding, %d MB file%n", seq,
                (System.nanoTime() - t0) / 1e9, meta.bodyBytes() / (1 << 20),
                Files.size(store.list().get(0).path()) / (1 << 20));
    }

    private static void recover(List<String> jvm, Path dir, String label, String liveHash) {
        long t0 = System.nanoTime();
        try (JarProcess p = JarProcess.start(jvm, dir, "--snapshot-every", "0")) {
            double toListening = (System.nanoTime() - t0) / 1e9;
            Matcher m = RECOVERED.matcher(p.log());
            System.out.printf("BENCH recovery (%s): process start to listening %.1f s; %s%n", label, toListening,
                    m.find() ? m.group() : "(no recovery line)");
            String hash = new HttpWorkload.Http(p.api()).get("/state/hash").path("hash").asText();
            System.out.printf("BENCH   GET /state/hash after it %s the generating engine's%n",
                    hash.equals(liveHash) ? "EQUALS" : "DIFFERS FROM");
            p.kill();
        }
    }
}
