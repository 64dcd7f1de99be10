package com.copyguard.durability.writer;

import com.copyguard.core.refusal.Refusal;
import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Sender;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.Result;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.durability.journal.Journal;
import com.copyguard.durability.journal.JournalEntry;
import com.copyguard.durability.journal.JournalException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that touches the engine. It drains queued inputs in batches, applies each in
 * arrival order, appends the state-changing ones to the journal in one transaction, and only then
 * completes the callers' futures: no reply leaves before its input is durable. A failed commit
 * stops the writer for good (fail-stop) and fails every waiting caller.
 *
 * <p>Between batches, after the commit, it writes snapshots: every {@link Snapshotter#interval()}
 * journal entries (paced by {@link Snapshotter#timeShare()}), when
 * {@link #requestSnapshot()} asks, and once more when it is closed.
 */
public final class SingleWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SingleWriter.class);
    private static final int MAX_BATCH = 512;

    private sealed interface Task permits CommandTask, QueryTask, SnapshotTask, Stop {
    }

    private record SnapshotTask(CompletableFuture<Snapshotter.SnapshotTaken> done) implements Task {
    }

    private record CommandTask(Command command, Sender sender, CompletableFuture<Result> reply, long enqueuedNanos)
            implements Task {
    }

    private record QueryTask<T>(Function<Engine, T> query, CompletableFuture<T> reply) implements Task {
    }

    private record Stop() implements Task {
    }

    private record Outcome(CompletableFuture<?> future, Object reply, RuntimeException error) {
        @SuppressWarnings("unchecked")
        void complete() {
            // the future was made for the type of this reply (a command's Result, a query's answer)
            ((CompletableFuture<Object>) future).complete(reply);
        }
    }

    /** The input (type and id) the writer is applying and since when (System.nanoTime), for the watchdog. */
    public record InFlight(String input, long startedNanos) {
    }

    /** How long close() waits for a writer that the watchdog reports stuck (a healthy one gets 30 s). */
    private static final long STUCK_CLOSE_WAIT_MILLIS = 2000;

    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Engine engine;
    private final Journal journal;
    private final Runnable onFatal;
    private final Snapshotter snapshotter;
    private final WallClockGuard wallClock;
    private final Thread thread;
    private volatile boolean failed;
    private volatile boolean stopping;
    private volatile InFlight inFlight;
    /** Journal position of the last state-changing input applied to the engine (committed or in this batch). */
    private volatile long appliedSeq;
    /** Journal position of the last snapshot written or attempted. */
    private long snapshotSeq;
    /** When the last snapshot ended and how long it took (System.nanoTime; pacing only, never decides state). */
    private long lastSnapshotEnd = System.nanoTime();
    private long lastSnapshotNanos;

    public SingleWriter(Engine engine, Journal journal, Runnable onFatal) {
        this(engine, journal, onFatal, Snapshotter.NONE, journal.lastSeq());
    }

    /** {@code snapshotSeq}: position of the newest snapshot already on disk (periodic ones count from it). */
    public SingleWriter(Engine engine, Journal journal, Runnable onFatal, Snapshotter snapshotter, long snapshotSeq) {
        this(engine, journal, onFatal, snapshotter, snapshotSeq, WallClockGuard.DEFAULT);
    }

    /** {@code wallClock}: how far ahead of the wall clock an arriving input's event time may be. */
    public SingleWriter(Engine engine, Journal journal, Runnable onFatal, Snapshotter snapshotter, long snapshotSeq,
                        WallClockGuard wallClock) {
        this.engine = engine;
        this.wallClock = wallClock;
        this.journal = journal;
        this.onFatal = onFatal;
        this.snapshotter = snapshotter;
        this.appliedSeq = journal.lastSeq();
        this.snapshotSeq = snapshotSeq;
        this.thread = new Thread(this::run, "copyguard-writer");
        // a writer stuck in a rule must not keep the JVM alive after shutdown gave up on it
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public CompletableFuture<Result> submit(Command command) {
        return submit(command, null);
    }

    /** Submits {@code command} sent by {@code sender} (journaled with it; null when the service itself sends it). */
    public CompletableFuture<Result> submit(Command command, Sender sender) {
        CompletableFuture<Result> f = new CompletableFuture<>();
        try {
            wallClock.check(command);
        } catch (InputRefused e) {
            engine.events().inputRefused(command, e.errorCode());
            f.completeExceptionally(e);
            return f;
        }
        enqueue(new CommandTask(command, sender, f, System.nanoTime()), f);
        return f;
    }

    /** Runs {@code query} on the writer thread between two inputs; it must not change state. */
    public <T> CompletableFuture<T> query(Function<Engine, T> query) {
        CompletableFuture<T> f = new CompletableFuture<>();
        enqueue(new QueryTask<>(query, f), f);
        return f;
    }

    /**
     * Asks for a snapshot of the state after every input queued before this call (e.g. because the
     * active rule set changed). Completes once it is on disk. Never join it on the writer thread.
     */
    public CompletableFuture<Snapshotter.SnapshotTaken> requestSnapshot() {
        CompletableFuture<Snapshotter.SnapshotTaken> f = new CompletableFuture<>();
        if (snapshotter == Snapshotter.NONE) {
            f.completeExceptionally(new IllegalStateException("snapshots are not enabled"));
        } else if (failed || stopping) {
            f.completeExceptionally(failed ? unavailable() : shuttingDown());
        } else {
            queue.add(new SnapshotTask(f));
        }
        return f;
    }

    /**
     * Journal position of the state the engine holds: read it inside a {@link #query} to get the
     * position matching what the query sees.
     */
    public long appliedSeq() {
        return appliedSeq;
    }

    private void enqueue(Task task, CompletableFuture<?> f) {
        if (failed) {
            f.completeExceptionally(unavailable());
        } else if (stopping) {
            f.completeExceptionally(shuttingDown());
        } else {
            queue.add(task);
        }
    }

    private static InputRefused unavailable() {
        return new InputRefused(RefusalCode.JOURNAL_FAILED, "the journal failed; the service stopped accepting inputs");
    }

    private static InputRefused shuttingDown() {
        return new InputRefused(RefusalCode.SHUTTING_DOWN, "the service is shutting down");
    }

    private void run() {
        List<Task> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean stop = process(batch);
                batch.clear();
                if (stop || failed) {
                    if (!failed) {
                        snapshotOnShutdown();
                    }
                    drainFailing();
                    return;
                }
            }
        } catch (Throwable t) {
            // an error escaping a batch leaves inputs unanswered and maybe half-applied: stop for good
            failed = true;
            LOG.error("{\"event\":\"writer_failure\",\"message\":\"{}\"}", String.valueOf(t), t);
            for (Task task : batch) {
                failTask(task, unavailable());
            }
            drainFailing();
            onFatal.run();
        }
    }

    /** Applies a batch; returns true when a stop was requested. */
    private boolean process(List<Task> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<JournalEntry> entries = new ArrayList<>();
        List<SnapshotTask> snapshotRequests = new ArrayList<>();
        boolean stop = false;
        boolean rulesChanged = false;
        for (Task task : batch) {
            if (task instanceof Stop) {
                stop = true;
            } else if (task instanceof CommandTask c) {
                Outcome o = applyCommand(c, entries);
                rulesChanged |= o.error() == null && c.command() instanceof ActivateRules && ((Result) o.reply()).changed();
                outcomes.add(o);
            } else if (task instanceof QueryTask<?> q) {
                outcomes.add(runQuery(q));
            } else if (task instanceof SnapshotTask s) {
                snapshotRequests.add(s);
            }
        }
        try {
            long commitStart = System.nanoTime();
            journal.append(entries);
            if (!entries.isEmpty()) {
                engine.events().batchCommitted(entries.size(), System.nanoTime() - commitStart);
            }
        } catch (JournalException | RuntimeException e) {
            failed = true;
            engine.events().commitFailed(e.getMessage());
            LOG.atError().addKeyValue("event", "journal_failure").addKeyValue("entries", entries.size())
                    .log("journal commit failed: {}", e.getMessage());
            outcomes.forEach(o -> o.future().completeExceptionally(unavailable()));
            snapshotRequests.forEach(r -> r.done().completeExceptionally(unavailable()));
            onFatal.run();
            return true;
        }
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                o.future().completeExceptionally(o.error());
            } else {
                o.complete();
            }
        }
        if (!snapshotRequests.isEmpty() || (rulesChanged && snapshotter != Snapshotter.NONE)) {
            // a rule set change is also a snapshot point: recovery then starts under the new rules
            try {
                Snapshotter.SnapshotTaken taken = snapshot();
                snapshotRequests.forEach(r -> r.done().complete(taken));
            } catch (Exception e) {
                snapshotRequests.forEach(r -> r.done().completeExceptionally(e));
            }
        } else if (snapshotter.interval() > 0 && appliedSeq - snapshotSeq >= snapshotter.interval()
                && System.nanoTime() - lastSnapshotEnd >= snapshotter.timeShare() * lastSnapshotNanos) {
            try {
                snapshot();
            } catch (Exception e) {
                // logged by snapshot(); the journal still holds everything, so the service goes on
            }
        }
        return stop;
    }

    /** Writes a snapshot of the committed state; a failure is logged and reported, never fatal. */
    private Snapshotter.SnapshotTaken snapshot() throws Exception {
        long seq = appliedSeq;
        snapshotSeq = seq;
        long started = System.nanoTime();
        try {
            Snapshotter.SnapshotTaken taken = snapshotter.snapshot(engine, seq);
            engine.events().snapshotWritten(taken.seq(), taken.bytes(), taken.nanos());
            LOG.info("{\"event\":\"snapshot_written\",\"seq\":{},\"bytes\":{},\"millis\":{},\"hash\":\"{}\"}",
                    taken.seq(), taken.bytes(), taken.nanos() / 1_000_000, taken.stateHash());
            return taken;
        } catch (Exception | StackOverflowError e) {
            engine.events().snapshotFailed(String.valueOf(e));
            LOG.error("{\"event\":\"snapshot_failed\",\"seq\":{},\"message\":\"{}\"}", seq, String.valueOf(e), e);
            throw e instanceof Exception ex ? ex : new IllegalStateException(e);
        } finally {
            lastSnapshotEnd = System.nanoTime();
            lastSnapshotNanos = lastSnapshotEnd - started;
        }
    }

    private void snapshotOnShutdown() {
        if (snapshotter != Snapshotter.NONE && appliedSeq > snapshotSeq) {
            try {
                snapshot();
            } catch (Exception e) {
                // logged; recovery will replay the journal instead
            }
        }
    }

    private Outcome applyCommand(CommandTask c, List<JournalEntry> entries) {
        try {
            String ruleSet = engine.rules().get().version();
            long started = System.nanoTime();
            inFlight = new InFlight(InputNames.of(c.command()), started);
            engine.events().inputDequeued(c.command(), started - c.enqueuedNanos());
            Result reply = engine.apply(c.command(), c.sender());
            engine.events().inputApplied(c.command(), reply, System.nanoTime() - started);
            if (reply.changed()) {
                long seq = appliedSeq + 1;
                entries.add(new JournalEntry(seq, ruleSet, CommandCodec.encode(c.command(), c.sender())));
                appliedSeq = seq;
            }
            return new Outcome(c.reply(), reply, null);
        } catch (Refusal e) {
            engine.events().inputRefused(c.command(), e.errorCode());
            return new Outcome(c.reply(), null, e);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("event", "internal_error")
                    .addKeyValue("input", c.command().getClass().getSimpleName()).setCause(e)
                    .log("input refused by an internal error");
            engine.events().inputRefused(c.command(), "INTERNAL_ERROR");
            return new Outcome(c.reply(), null, new InputRefused(RefusalCode.INTERNAL_ERROR, String.valueOf(e)));
        } finally {
            inFlight = null;
        }
    }

    private Outcome runQuery(QueryTask<?> q) {
        inFlight = new InFlight("query", System.nanoTime());
        try {
            return new Outcome(q.reply(), q.query().apply(engine), null);
        } catch (RuntimeException e) {
            return new Outcome(q.reply(), null, e);
        } finally {
            inFlight = null;
        }
    }

    /** What the writer is applying right now, or null between inputs; safe to read from any thread. */
    public InFlight inFlight() {
        return inFlight;
    }

    private void drainFailing() {
        List<Task> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (Task t : rest) {
            failTask(t, failed ? unavailable() : shuttingDown());
        }
    }

    private static void failTask(Task t, RuntimeException e) {
        if (t instanceof CommandTask c) {
            c.reply().completeExceptionally(e);
        } else if (t instanceof QueryTask<?> q) {
            q.reply().completeExceptionally(e);
        } else if (t instanceof SnapshotTask s) {
            s.done().completeExceptionally(e);
        }
    }

    /** Inputs and queries waiting for the writer; safe to read from any thread. */
    public int queueDepth() {
        return queue.size();
    }

    public boolean isFailed() {
        return failed;
    }

    /** Finishes what is queued, then stops the thread. */
    @Override
    public void close() {
        close(false);
    }

    /**
     * Finishes what is queued, then stops the thread; when {@code stuck} (the watchdog reports the
     * current input over its bound) waits only briefly. Returns false when the thread did not stop: its
     * input was never journaled, and the daemon thread dies with the process.
     */
    public boolean close(boolean stuck) {
        stopping = true;
        queue.add(new Stop());
        try {
            thread.join(stuck ? STUCK_CLOSE_WAIT_MILLIS : TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
