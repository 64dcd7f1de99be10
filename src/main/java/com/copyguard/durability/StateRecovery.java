package com.copyguard.durability;

import com.copyguard.durability.snapshot.SnapshotStore;
import com.copyguard.durability.snapshot.SnapshotUnusableException;
import com.copyguard.durability.replay.ReplayDivergedException;
import com.copyguard.durability.replay.Replayer;
import com.copyguard.durability.replay.RuleSetInForce;
import com.copyguard.durability.replay.RuleVersions;

import com.copyguard.core.engine.Engine;
import com.copyguard.durability.journal.Journal;
import com.copyguard.durability.journal.JournalCheck;
import com.copyguard.durability.journal.JournalException;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery: check the whole journal (drop a torn last entry, refuse a damaged middle),
 * then restore the newest usable snapshot and replay the journal after it. The journal is the
 * truth; a snapshot is only a shortcut through a prefix of it, so any snapshot that is damaged,
 * ahead of the journal, written for another journal or in another snapshot format is skipped (with
 * a warning) in favour of an older one or a full replay.
 */
public final class StateRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StateRecovery.class);

    private StateRecovery() {
    }

    /**
     * @param snapshots    null for a full replay
     * @param newEngine    builds an empty engine with the configured rules (called again after a failed attempt)
     * @param ruleVersions loads rule set versions named in the journal's entries; null follows the journal's
     *                     activations only (see {@link RuleSetInForce})
     * @param repair       delete a torn last entry from the journal (false for read-only tools)
     */
    public static RecoveredState recover(Journal journal, SnapshotStore snapshots, Supplier<Engine> newEngine,
                                         RuleVersions ruleVersions, boolean repair) throws JournalException {
        long started = System.nanoTime();
        JournalCheck check = journal.verify(repair);
        long last = journal.lastSeq();
        long verified = System.nanoTime();
        if (snapshots != null) {
            for (SnapshotStore.SnapshotFile f : list(snapshots)) {
                if (f.seq() > last) {
                    LOG.warn("snapshot {} is ahead of the journal (last entry {}); not used", f.path(), last);
                    continue;
                }
                Engine engine = newEngine.get();
                try {
                    SnapshotStore.Checked checked = snapshots.check(f);
                    belongsToJournal(journal, checked);
                    snapshots.restore(checked, engine);
                    Replayer replayer = Replayer.asRecorded(engine, ruleVersions);
                    replayer.startAt(journal, f.seq());
                    long restored = System.nanoTime();
                    long replayed = replayer.replay(journal, f.seq());
                    return done(engine, last, f.seq(), replayed, check, started, verified, restored);
                } catch (SnapshotUnusableException e) {
                    LOG.warn("snapshot {} not used: {}. Recovery goes on from an older snapshot or by replaying the "
                            + "journal from the start; nothing needs doing", f.path(), e.getMessage());
                } catch (ReplayDivergedException e) {
                    LOG.warn("replaying the journal after snapshot {} failed ({}); trying an older snapshot or a full "
                            + "replay", f.path(), e.getMessage());
                }
            }
        }
        Engine engine = newEngine.get();
        long restored = System.nanoTime();
        long replayed = Replayer.asRecorded(engine, ruleVersions).replay(journal, 0);
        return done(engine, last, 0, replayed, check, started, verified, restored);
    }

    private static List<SnapshotStore.SnapshotFile> list(SnapshotStore snapshots) {
        try {
            return snapshots.list();
        } catch (IOException e) {
            LOG.warn("cannot list snapshots in {} ({}); replaying the whole journal", snapshots.dir(), e.getMessage());
            return List.of();
        }
    }

    private static void belongsToJournal(Journal journal, SnapshotStore.Checked c)
            throws SnapshotUnusableException, JournalException {
        OptionalLong crc = journal.checksumAt(c.meta().seq());
        if (crc.isPresent() && crc.getAsLong() != c.meta().journalEntryCrc()) {
            throw new SnapshotUnusableException("it was written after a journal entry " + c.meta().seq()
                    + " that differs from this journal's (another data directory?)");
        }
    }

    private static RecoveredState done(Engine engine, long last, long snapshotSeq, long replayed, JournalCheck check,
                                       long started, long verified, long restored) {
        long now = System.nanoTime();
        long millis = (now - started) / 1_000_000;
        LOG.info("{\"event\":\"recovered\",\"seq\":{},\"snapshotSeq\":{},\"replayed\":{},\"droppedTornSeq\":{},"
                        + "\"millis\":{},\"verifyMillis\":{},\"snapshotMillis\":{},\"replayMillis\":{}}",
                last, snapshotSeq, replayed, check.droppedSeq(), millis, (verified - started) / 1_000_000,
                (restored - verified) / 1_000_000, (now - restored) / 1_000_000);
        return new RecoveredState(engine, last, snapshotSeq, replayed, check, millis);
    }
}
