package com.copyguard.durability;

import com.copyguard.durability.snapshot.SnapshotStore;
import com.copyguard.durability.snapshot.StateHash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.app.ServiceConfig;
import com.copyguard.core.engine.Engine;
import com.copyguard.durability.journal.Journal;
import com.copyguard.durability.journal.JournalEntry;
import com.copyguard.durability.journal.JournalException;
import com.copyguard.durability.journal.SqliteJournal;
import com.copyguard.durability.writer.SingleWriter;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.api.HttpApi;
import com.copyguard.testing.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery paths on the real service in-process (real HTTP, SQLite, rules): snapshot + tail vs
 * full replay vs live hash, duplicates across restarts, torn tail, corrupted middle, damaged
 * snapshots, and a failing journal behind the real HTTP API.
 */
class DurabilityIT {
    @TempDir
    Path tmp;

    private static ServiceConfig config(Path dir, long snapshotEvery) {
        return new ServiceConfig("127.0.0.1", 0, dir, Path.of("rules"), null, null)
                .withDurability(new DurabilitySettings(snapshotEvery, 3));
    }

    /** A single client's seeded inputs, sent one by one. */
    private static List<HttpWorkload.Sent> drive(RunningService s, HttpWorkload.Setup setup, long seed, int n) {
        HttpWorkload.Http http = new HttpWorkload.Http(s.api());
        HttpWorkload.Client client = new HttpWorkload.Client(seed, 0, 1, setup);
        List<HttpWorkload.Sent> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpWorkload.Sent r = http.send(client.next());
            client.answered(r);
            sent.add(r);
        }
        return sent;
    }

    private static JsonNode hash(RunningService s) {
        return new HttpWorkload.Http(s.api()).get("/state/hash");
    }

    private static RecoveredState recoverReadOnly(Path dir, boolean withSnapshots) throws Exception {
        try (SqliteJournal journal = SqliteJournal.openReadOnly(dir)) {
            ActiveRules rules = new ActiveRules(Engines.rules());
            return StateRecovery.recover(journal, withSnapshots ? new SnapshotStore(dir, 3) : null,
                    () -> EngineAssembly.create(rules), null, false);
        }
    }

    @Test
    void snapshotPlusTailFullReplayAndLiveStateHaveTheSameHash() throws Exception {
        Path dir = tmp.resolve("copyguard-dur");
        JsonNode live;
        try (RunningService s = RunningService.start(config(dir, 0))) {
            HttpWorkload.Setup setup = HttpWorkload.setup(new HttpWorkload.Http(s.api()), 4, 3);
            drive(s, setup, 1, 250);
            assertThat(s.service().snapshot().get().seq()).isEqualTo(hash(s).path("seq").asLong());
            drive(s, setup, 2, 250);
            live = hash(s);

            RecoveredState fromSnapshot = recoverReadOnly(dir, true);
            RecoveredState full = recoverReadOnly(dir, false);
            assertThat(fromSnapshot.snapshotSeq()).isPositive();
            assertThat(fromSnapshot.replayed()).isPositive();
            assertThat(full.snapshotSeq()).isZero();
            assertThat(fromSnapshot.seq()).isEqualTo(full.seq()).isEqualTo(live.path("seq").asLong());
            assertThat(StateHash.of(fromSnapshot.engine())).isEqualTo(live.path("hash").asText());
            assertThat(StateHash.of(full.engine())).isEqualTo(live.path("hash").asText());
        }
        try (RunningService s = RunningService.start(config(dir, 0))) {
            assertThat(s.service().recovered().replayed()).as("the shutdown snapshot covers everything").isZero();
            assertThat(hash(s)).isEqualTo(live);
        }
    }

    @Test
    void aRepeatAfterARestartGetsTheFirstAnswerAndChangesNothing() throws Exception {
        Path dir = tmp.resolve("copyguard-dup");
        List<HttpWorkload.Sent> sent;
        JsonNode before;
        try (RunningService s = RunningService.start(config(dir, 0))) {
            HttpWorkload.Setup setup = HttpWorkload.setup(new HttpWorkload.Http(s.api()), 3, 2);
            sent = drive(s, setup, 3, 200);
            before = hash(s);
        }
        for (boolean deleteSnapshots : new boolean[] {false, true}) {
            if (deleteSnapshots) {
                deleteAll(dir.resolve("snapshots"));
            }
            try (RunningService s = RunningService.start(config(dir, 0))) {
                assertThat(s.service().recovered().snapshotSeq() == 0).isEqualTo(deleteSnapshots);
                HttpWorkload.Http http = new HttpWorkload.Http(s.api());
                int repeats = 0;
                for (HttpWorkload.Sent first : sent) {
                    String key = first.request().key();
                    if (first.acked() && (key.startsWith("fill:") || key.startsWith("deposit:"))) {
                        HttpWorkload.Sent again = http.send(first.request());
                        assertThat(again.status()).isEqualTo(first.status());
                        assertThat(again.body()).as(key).isEqualTo(first.body());
                        repeats++;
                    }
                }
                assertThat(repeats).isGreaterThan(40);
                assertThat(hash(s)).isEqualTo(before);
            }
        }
    }

    @Test
    void decisionsAndTransactionsAreQueryableAfterARestart() throws Exception {
        Path dir = tmp.resolve("copyguard-query");
        List<JsonNode> answers = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        try (RunningService s = RunningService.start(config(dir, 0))) {
            HttpWorkload.Setup setup = HttpWorkload.setup(new HttpWorkload.Http(s.api()), 3, 2);
            drive(s, setup, 4, 200);
            HttpWorkload.Http http = new HttpWorkload.Http(s.api());
            paths.add("/decisions?limit=1000");
            for (String a : setup.accounts()) {
                paths.add("/accounts/" + a);
                paths.add("/accounts/" + a + "/transactions");
            }
            setup.subscriptions().forEach(id -> paths.add("/subscriptions/" + id));
            paths.forEach(p -> answers.add(http.get(p)));
            assertThat(answers.get(0).path("items").size()).isGreaterThan(20);
        }
        try (RunningService s = RunningService.start(config(dir, 0))) {
            HttpWorkload.Http http = new HttpWorkload.Http(s.api());
            for (int i = 0; i < paths.size(); i++) {
                assertThat(http.get(paths.get(i))).as(paths.get(i)).isEqualTo(answers.get(i));
            }
        }
    }

    private static void sql(Path dir, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    @Test
    void aTornLastEntryIsDroppedAndTheRestRecovered() throws Exception {
        Path dir = tmp.resolve("copyguard-torn");
        JsonNode beforeLast;
        HttpWorkload.Sent last;
        try (RunningService s = RunningService.start(config(dir, 0))) {
            HttpWorkload.Setup setup = HttpWorkload.setup(new HttpWorkload.Http(s.api()), 2, 2);
            drive(s, setup, 5, 100);
            beforeLast = hash(s);
            HttpWorkload.Http http = new HttpWorkload.Http(s.api());
            last = http.send(new HttpWorkload.Request("POST", "/accounts/" + setup.accounts().get(0) + "/deposits",
                    "{\"amount\":\"77\",\"requestId\":\"last\",\"time\":1700000000000}", "deposit:last"));
            assertThat(last.acked()).isTrue();
        }
        deleteAll(dir.resolve("snapshots"));
        long lastSeq = beforeLast.path("seq").asLong() + 1;
        sql(dir, "UPDATE journal SET payload = substr(payload, 1, length(payload) / 2) WHERE seq = " + lastSeq);
        try (RunningService s = RunningService.start(config(dir, 0))) {
            assertThat(s.service().recovered().journalCheck().droppedSeq()).isEqualTo(lastSeq);
            assertThat(hash(s)).isEqualTo(beforeLast);
            JsonNode tx = new HttpWorkload.Http(s.api()).get("/accounts/" + last.body().path("accountId").asText()
                    + "/transactions");
            assertThat(tx.path("items").toString()).doesNotContain("deposit:last");
        }
    }

    @Test
    void aCorruptedEntryInTheMiddleRefusesToStartWithAClearMessage() throws Exception {
        Path dir = tmp.resolve("copyguard-corrupt");
        try (RunningService s = RunningService.start(config(dir, 0))) {
            HttpWorkload.Setup setup = HttpWorkload.setup(new HttpWorkload.Http(s.api()), 2, 2);
            drive(s, setup, 6, 60);
        }
        sql(dir, "UPDATE journal SET payload = replace(payload, '\"time\":', '\"time\": ') WHERE seq = 20");
        assertThatThrownBy(() -> RunningService.start(config(dir, 0)))
                .rootCause()
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("entry 20 fails its checksum")
                .hasMessageContaining("Refusing to start");
    }

    @Test
    void aDamagedSnapshotIsSkippedForAnOlderOneOrAFullReplay() throws Exception {
        Path dir = tmp.resolve("copyguard-badsnap");
        JsonNode live;
        try (RunningService s = RunningService.start(config(dir, 40))) {
            HttpWorkload.Setup setup = HttpWorkload.setup(new HttpWorkload.Http(s.api()), 2, 2);
            drive(s, setup, 7, 150);
            live = hash(s);
        }
        SnapshotStore store = new SnapshotStore(dir, 3);
        List<SnapshotStore.SnapshotFile> files = store.list();
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        try (RandomAccessFile raf = new RandomAccessFile(files.get(0).path().toFile(), "rw")) {
            raf.seek(20);
            raf.write(raf.read() ^ 0xFF);
        }
        try (RunningService s = RunningService.start(config(dir, 0))) {
            assertThat(s.service().recovered().snapshotSeq()).isEqualTo(files.get(1).seq());
            assertThat(hash(s)).isEqualTo(live);
        }
        for (SnapshotStore.SnapshotFile f : store.list()) {
            Files.writeString(f.path(), "not a snapshot");
        }
        try (RunningService s = RunningService.start(config(dir, 0))) {
            assertThat(s.service().recovered().snapshotSeq()).isZero();
            assertThat(hash(s)).isEqualTo(live);
        }
    }

    /** A real SQLite journal whose disk "fails" on demand. */
    private static final class FailingJournal implements Journal {
        private final SqliteJournal delegate;
        final AtomicBoolean broken = new AtomicBoolean();

        FailingJournal(Path dir) throws JournalException {
            this.delegate = new SqliteJournal(dir);
        }

        @Override
        public void append(List<JournalEntry> batch) throws JournalException {
            if (broken.get() && !batch.isEmpty()) {
                throw new JournalException("I/O error: disk unplugged", null);
            }
            delegate.append(batch);
        }

        @Override
        public void readAfter(long afterSeq, Consumer<JournalEntry> consumer) throws JournalException {
            delegate.readAfter(afterSeq, consumer);
        }

        @Override
        public long lastSeq() {
            return delegate.lastSeq();
        }

        @Override
        public OptionalLong checksumAt(long seq) throws JournalException {
            return delegate.checksumAt(seq);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void aFailedCommitNeverAnswersSuccessOverHttp() throws Exception {
        Path dir = tmp.resolve("copyguard-failjournal");
        FailingJournal journal = new FailingJournal(dir);
        AtomicInteger fatal = new AtomicInteger();
        com.copyguard.core.engine.Engine engine = Engines.fresh();
        SingleWriter writer = new SingleWriter(engine, journal, fatal::incrementAndGet);
        writer.start();
        com.copyguard.observability.Observability observability = new com.copyguard.observability.Observability();
        Vertx vertx = observability.telemetry().newVertx();
        com.copyguard.api.security.SigningKey key = com.copyguard.api.security.SigningKey.loadOrCreate(dir);
        HttpApi api = new HttpApi(observability, "127.0.0.1", 0, key,
                com.copyguard.api.security.SecurityOptions.DEFAULTS);
        com.copyguard.testing.ApiClient tokenHolder = new com.copyguard.testing.ApiClient(0, new com.copyguard.api.security.TokenIssuer(
                vertx, key).issue("admin", java.util.Set.of(com.copyguard.api.security.Role.ADMIN), null, java.time.Duration.ofHours(1)));
        vertx.deployVerticle(api).await();
        api.serveApi(writer, engine.rules(), new com.copyguard.core.rules.RuleSetLoader(Path.of("rules"))).await();
        try {
            com.copyguard.testing.ApiClient admin = new com.copyguard.testing.ApiClient(api.port(), tokenHolder.token());
            HttpWorkload.Http http = new HttpWorkload.Http(admin);
            assertThat(http.send(new HttpWorkload.Request("PUT", "/experts/E0", "{\"equity\":\"10\"}", "e0")).status())
                    .isEqualTo(201);
            journal.broken.set(true);
            List<Thread> threads = new ArrayList<>();
            List<HttpWorkload.Sent> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    HttpWorkload.Http h = new HttpWorkload.Http(admin);
                    for (int i = 0; i < 10; i++) {
                        answers.add(h.send(new HttpWorkload.Request("PUT", "/experts/X" + client + "-" + i,
                                "{\"equity\":\"10\"}", "x")));
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(answers).hasSize(40).allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.body().path("error").asText()).isEqualTo("JOURNAL_FAILED");
            });
            assertThat(fatal).hasValue(1);
        } finally {
            vertx.close().await();
            writer.close();
            journal.close();
        }
        RecoveredState after = recoverReadOnly(dir, false);
        assertThat(after.seq()).isEqualTo(1);
        assertThat(after.engine().ledger().experts()).hasSize(1);
    }

    private static void deleteAll(Path dir) throws Exception {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
