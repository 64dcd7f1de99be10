package com.copyguard.pipeline;

import com.copyguard.command.ApiException;
import com.copyguard.command.Command;
import com.copyguard.engine.Engine;
import com.copyguard.engine.Reply;
import com.copyguard.journal.CommandCodec;
import com.copyguard.journal.Journal;
import com.copyguard.journal.JournalEntry;
import com.copyguard.journal.JournalException;
import com.copyguard.rules.RuleFailure;
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
 */
public final class SingleWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SingleWriter.class);
    private static final int MAX_BATCH = 512;

    private sealed interface Task permits CommandTask, QueryTask, Stop {
    }

    private record CommandTask(Command command, CompletableFuture<Reply> reply, long enqueuedNanos) implements Task {
    }

    private record QueryTask(Function<Engine, Reply> query, CompletableFuture<Reply> reply) implements Task {
    }

    private record Stop() implements Task {
    }

    private record Outcome(CompletableFuture<Reply> future, Reply reply, RuntimeException error) {
    }

    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Engine engine;
    private final Journal journal;
    private final Runnable onFatal;
    private final Thread thread;
    private volatile boolean failed;
    private volatile boolean stopping;

    public SingleWriter(Engine engine, Journal journal, Runnable onFatal) {
        this.engine = engine;
        this.journal = journal;
        this.onFatal = onFatal;
        this.thread = new Thread(this::run, "copyguard-writer");
    }

    public void start() {
        thread.start();
    }

    public CompletableFuture<Reply> submit(Command command) {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        enqueue(new CommandTask(command, f, System.nanoTime()), f);
        return f;
    }

    public CompletableFuture<Reply> query(Function<Engine, Reply> query) {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        enqueue(new QueryTask(query, f), f);
        return f;
    }

    private void enqueue(Task task, CompletableFuture<Reply> f) {
        if (failed) {
            f.completeExceptionally(unavailable());
        } else if (stopping) {
            f.completeExceptionally(new ApiException(503, "SHUTTING_DOWN", "the service is shutting down"));
        } else {
            queue.add(task);
        }
    }

    private static ApiException unavailable() {
        return new ApiException(503, "JOURNAL_FAILED", "the journal failed; the service stopped accepting inputs");
    }

    private void run() {
        List<Task> batch = new ArrayList<>(MAX_BATCH);
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
                drainFailing();
                return;
            }
        }
    }

    /** Applies a batch; returns true when a stop was requested. */
    private boolean process(List<Task> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<JournalEntry> entries = new ArrayList<>();
        boolean stop = false;
        for (Task task : batch) {
            if (task instanceof Stop) {
                stop = true;
            } else if (task instanceof CommandTask c) {
                outcomes.add(applyCommand(c, entries));
            } else if (task instanceof QueryTask q) {
                outcomes.add(runQuery(q));
            }
        }
        try {
            long commitStart = System.nanoTime();
            journal.append(entries);
            if (!entries.isEmpty()) {
                engine.events().batchCommitted(entries.size(), System.nanoTime() - commitStart);
            }
        } catch (JournalException e) {
            failed = true;
            engine.events().commitFailed(e.getMessage());
            LOG.atError().addKeyValue("event", "journal_failure").addKeyValue("entries", entries.size())
                    .log("journal commit failed: {}", e.getMessage());
            outcomes.forEach(o -> o.future().completeExceptionally(unavailable()));
            onFatal.run();
            return true;
        }
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                o.future().completeExceptionally(o.error());
            } else {
                o.future().complete(o.reply());
            }
        }
        return stop;
    }

    private Outcome applyCommand(CommandTask c, List<JournalEntry> entries) {
        try {
            String ruleSet = engine.rules().get().version();
            long started = System.nanoTime();
            engine.events().inputDequeued(c.command(), started - c.enqueuedNanos());
            Reply reply = engine.apply(c.command());
            engine.events().inputApplied(c.command(), reply, System.nanoTime() - started);
            if (reply.changed()) {
                long seq = journal.lastSeq() + entries.size() + 1;
                entries.add(new JournalEntry(seq, ruleSet, CommandCodec.encode(c.command())));
            }
            return new Outcome(c.reply(), reply, null);
        } catch (ApiException e) {
            engine.events().inputRefused(c.command(), e.code());
            return new Outcome(c.reply(), null, e);
        } catch (RuleFailure e) {
            engine.events().inputRefused(c.command(), e.code());
            return new Outcome(c.reply(), null, e);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("event", "internal_error")
                    .addKeyValue("input", c.command().getClass().getSimpleName()).setCause(e)
                    .log("input refused by an internal error");
            engine.events().inputRefused(c.command(), "INTERNAL_ERROR");
            return new Outcome(c.reply(), null, new ApiException(500, "INTERNAL_ERROR", String.valueOf(e)));
        }
    }

    private Outcome runQuery(QueryTask q) {
        try {
            return new Outcome(q.reply(), q.query().apply(engine), null);
        } catch (RuntimeException e) {
            return new Outcome(q.reply(), null, e);
        }
    }

    private void drainFailing() {
        List<Task> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (Task t : rest) {
            RuntimeException e = failed ? unavailable()
                    : new ApiException(503, "SHUTTING_DOWN", "the service is shutting down");
            if (t instanceof CommandTask c) {
                c.reply().completeExceptionally(e);
            } else if (t instanceof QueryTask q) {
                q.reply().completeExceptionally(e);
            }
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
        stopping = true;
        queue.add(new Stop());
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
