package com.copyguard.durability.writer;

import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.api.RefusalStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.Result;
import com.copyguard.api.ResultStatus;
import com.copyguard.durability.journal.Journal;
import com.copyguard.durability.journal.JournalEntry;
import com.copyguard.durability.journal.JournalException;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The writer's durability contract, with journals that misbehave on purpose. */
class SingleWriterTest {
    /** A real instant (event times must lie in the years 2000-2999). */
    private static final long T0 = 1_700_000_000_000L;

    /** Reference data only: no rule is evaluated, so no rule set needs compiling. */
    private static Engine engine() {
        return EngineAssembly.create(new ActiveRules(new RuleSet(com.copyguard.core.rules.RuleSource.of("test", "", java.util.Map.of()), null, null)));
    }

    /** An in-memory journal; {@code failAt} makes the n-th append (1-based) fail. */
    static class MemoryJournal implements Journal {
        final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Result>> watched = new CopyOnWriteArrayList<>();
        final AtomicInteger appends = new AtomicInteger();
        volatile int failAt = -1;
        volatile RuntimeException runtimeFailure;
        volatile boolean repliedBeforeCommit;

        @Override
        public void append(List<JournalEntry> batch) throws JournalException {
            if (batch.isEmpty()) {
                return;
            }
            if (watched.stream().anyMatch(f -> f.isDone() && entries.size() < watched.indexOf(f) + 1)) {
                repliedBeforeCommit = true;
            }
            if (appends.incrementAndGet() == failAt) {
                if (runtimeFailure != null) {
                    throw runtimeFailure;
                }
                throw new JournalException("disk full", null);
            }
            entries.addAll(batch);
        }

        @Override
        public void readAfter(long afterSeq, Consumer<JournalEntry> consumer) {
            entries.stream().filter(e -> e.seq() > afterSeq).forEach(consumer);
        }

        @Override
        public long lastSeq() {
            return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        }

        @Override
        public void close() {
        }
    }

    private static PutExpert expert(int i) {
        return new PutExpert("E" + i, null, null, BigDecimal.valueOf(1000 + i));
    }

    private static InputRefused failure(CompletableFuture<?> f) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        return (InputRefused) f.handle((r, e) -> e instanceof java.util.concurrent.CompletionException c ? c.getCause() : e).join();
    }

    /** Callers are answered 503 first, then the fail-stop hook runs (in the service it halts the JVM). */
    private static void awaitFatal(AtomicInteger fatal) throws InterruptedException {
        for (int i = 0; i < 500 && fatal.get() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(fatal).hasValue(1);
    }

    @Test
    void aFailedCommitAnswersNoInputWithSuccessAndStopsForGood() throws Exception {
        MemoryJournal journal = new MemoryJournal();
        journal.failAt = 2;
        AtomicInteger fatal = new AtomicInteger();
        SingleWriter writer = new SingleWriter(engine(), journal, fatal::incrementAndGet);
        writer.start();
        assertThat(ResultStatus.of(writer.submit(expert(0)).get(10, TimeUnit.SECONDS))).isEqualTo(201);

        List<CompletableFuture<Result>> burst = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            burst.add(writer.submit(expert(i)));
        }
        for (CompletableFuture<Result> f : burst) {
            InputRefused e = failure(f);
            assertThat(RefusalStatus.of(e.code())).isEqualTo(503);
            assertThat(e.errorCode()).isEqualTo("JOURNAL_FAILED");
        }
        awaitFatal(fatal);
        assertThat(writer.isFailed()).isTrue();
        assertThat(failure(writer.submit(expert(99))).errorCode()).isEqualTo("JOURNAL_FAILED");
        assertThat(failure(writer.query(e -> null)).errorCode()).isEqualTo("JOURNAL_FAILED");
        assertThat(journal.entries).hasSize(1);
        writer.close();
    }

    @Test
    void anUnexpectedJournalErrorIsAlsoFailStop() throws Exception {
        MemoryJournal journal = new MemoryJournal();
        journal.failAt = 1;
        journal.runtimeFailure = new IllegalStateException("driver bug");
        AtomicInteger fatal = new AtomicInteger();
        SingleWriter writer = new SingleWriter(engine(), journal, fatal::incrementAndGet);
        writer.start();
        assertThat(RefusalStatus.of(failure(writer.submit(expert(1))).code())).isEqualTo(503);
        awaitFatal(fatal);
        writer.close();
    }

    @Test
    void repliesLeaveOnlyAfterTheirBatchIsCommitted() throws Exception {
        MemoryJournal journal = new MemoryJournal();
        SingleWriter writer = new SingleWriter(engine(), journal, () -> { });
        writer.start();
        List<CompletableFuture<Result>> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            CompletableFuture<Result> f = writer.submit(new AdvanceClock(T0 + i + 1));
            journal.watched.add(f);
            all.add(f);
        }
        for (CompletableFuture<Result> f : all) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(journal.repliedBeforeCommit).isFalse();
        assertThat(journal.entries).hasSize(2000);
        assertThat(journal.appends.get()).as("group commit").isLessThan(2000);
        assertThat(writer.appliedSeq()).isEqualTo(2000);
        writer.close();
    }

    /** Records what it was asked to snapshot; optionally fails. */
    static final class RecordingSnapshotter implements Snapshotter {
        final List<Long> seqs = new CopyOnWriteArrayList<>();
        final long interval;
        volatile boolean fail;
        volatile long sleepMillis;
        volatile long timeShare;

        RecordingSnapshotter(long interval) {
            this.interval = interval;
        }

        @Override
        public SnapshotTaken snapshot(Engine engine, long seq) throws Exception {
            if (fail) {
                throw new java.io.IOException("no space for the snapshot");
            }
            Thread.sleep(sleepMillis);
            seqs.add(seq);
            return new SnapshotTaken(seq, "h" + seq, 1, 1);
        }

        @Override
        public long interval() {
            return interval;
        }

        @Override
        public long timeShare() {
            return timeShare;
        }
    }

    @Test
    void snapshotsPeriodicallyOnRequestAndAtClose() throws Exception {
        MemoryJournal journal = new MemoryJournal();
        RecordingSnapshotter snapshots = new RecordingSnapshotter(10);
        SingleWriter writer = new SingleWriter(engine(), journal, () -> { }, snapshots, 0);
        writer.start();
        for (int i = 1; i <= 25; i++) {
            writer.submit(new AdvanceClock(T0 + i)).get(10, TimeUnit.SECONDS);
        }
        assertThat(snapshots.seqs).containsExactly(10L, 20L);
        writer.submit(new AdvanceClock(T0 + 26));
        assertThat(writer.requestSnapshot().get(10, TimeUnit.SECONDS).seq()).isEqualTo(26);
        writer.submit(new AdvanceClock(T0 + 27)).get(10, TimeUnit.SECONDS);
        writer.close();
        assertThat(snapshots.seqs).containsExactly(10L, 20L, 26L, 27L);
    }

    @Test
    void slowSnapshotsAreSpacedOut() throws Exception {
        MemoryJournal journal = new MemoryJournal();
        RecordingSnapshotter snapshots = new RecordingSnapshotter(1);
        snapshots.sleepMillis = 200;
        snapshots.timeShare = 10;
        SingleWriter writer = new SingleWriter(engine(), journal, () -> { }, snapshots, 0);
        writer.start();
        long started = System.nanoTime();
        for (int i = 1; i <= 30; i++) {
            writer.submit(new AdvanceClock(T0 + i)).get(10, TimeUnit.SECONDS);
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        // one snapshot may start at once; each further one waits ten times the last one's 200 ms
        assertThat(snapshots.seqs.size()).isLessThanOrEqualTo(1 + (int) (elapsedMillis / 2000) + 1);
        writer.close();
    }

    @Test
    void aFailedSnapshotIsNotFatal() throws Exception {
        MemoryJournal journal = new MemoryJournal();
        RecordingSnapshotter snapshots = new RecordingSnapshotter(2);
        snapshots.fail = true;
        AtomicInteger fatal = new AtomicInteger();
        SingleWriter writer = new SingleWriter(engine(), journal, fatal::incrementAndGet, snapshots, 0);
        writer.start();
        for (int i = 1; i <= 5; i++) {
            assertThat(ResultStatus.of(writer.submit(new AdvanceClock(T0 + i)).get(10, TimeUnit.SECONDS))).isEqualTo(200);
        }
        assertThatThrownBy(() -> writer.requestSnapshot().get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(java.io.IOException.class);
        assertThat(ResultStatus.of(writer.submit(new AdvanceClock(T0 + 6)).get(10, TimeUnit.SECONDS))).isEqualTo(200);
        assertThat(fatal).hasValue(0);
        writer.close();
        assertThat(journal.entries).hasSize(6);
    }
}
