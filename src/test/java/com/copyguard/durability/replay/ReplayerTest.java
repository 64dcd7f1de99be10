package com.copyguard.durability.replay;

import com.copyguard.durability.CommandMix;
import com.copyguard.durability.Engines;
import com.copyguard.durability.RecoveredState;
import com.copyguard.durability.StateRecovery;
import com.copyguard.durability.snapshot.StateHash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.command.Command;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.Engine;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.durability.journal.JournalEntry;
import com.copyguard.durability.journal.SqliteJournal;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.testing.TestRuleVersions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one replay driver and its one notion of the rule set in force: a journal whose rules were
 * switched half way (v2, then tight-cap) replays to the live state, ends under the last activation,
 * resumes a snapshot under the activation in force there, and a pinned replay ignores activations.
 */
class ReplayerTest {
    private static final String ACTIVE = TestRuleVersions.activeVersion();
    private static List<JournalEntry> journal;
    private static Engine live;
    private static long switchedAt;

    @TempDir
    Path dir;

    /** A live run: activate the active version, trade, activate tight-cap, trade on; journaled as the writer does. */
    @BeforeAll
    static void liveRun() throws Exception {
        RuleSetLoader loader = new RuleSetLoader(TestRuleVersions.root());
        live = Engines.fresh();
        journal = new ArrayList<>();
        CommandMix mix = new CommandMix(31, live, 3, 16, CommandMix.Weights.BALANCED);
        applyLive(ActivateRules.of(loader.source(ACTIVE)));
        mix.setup(3).forEach(ReplayerTest::applyLive);
        for (int i = 0; i < 150; i++) {
            applyLive(mix.next());
        }
        applyLive(ActivateRules.of(loader.source("tight-cap")));
        switchedAt = journal.size();
        for (int i = 0; i < 150; i++) {
            applyLive(mix.next());
        }
    }

    private static void applyLive(Command c) {
        String inForce = live.rules().get().version();
        if (Engines.apply(live, c)) {
            journal.add(new JournalEntry(journal.size() + 1, inForce, CommandCodec.encode(c)));
        }
    }

    private SqliteJournal written() throws Exception {
        SqliteJournal j = new SqliteJournal(dir);
        j.append(journal);
        return j;
    }

    @Test
    void aFullReplayReachesTheLiveStateAndEndsUnderTheLastActivation() throws Exception {
        try (SqliteJournal j = written()) {
            Engine engine = Engines.fresh();
            assertThat(Replayer.of(engine).replay(j, 0)).isEqualTo(journal.size());
            assertThat(StateHash.of(engine)).isEqualTo(StateHash.of(live));
            assertThat(engine.rules().get().version()).as("the journal's last activation stays in force")
                    .isEqualTo("tight-cap");
            assertThat(engine.decisions().query(null, null, 1_000_000)).extracting(DecisionRecord::ruleSet)
                    .contains(ACTIVE, "tight-cap");
        }
    }

    @Test
    void recoveryWithoutASnapshotResumesTheLastActivatedRules() throws Exception {
        try (SqliteJournal j = written()) {
            RecoveredState state = StateRecovery.recover(j, null, Engines::fresh, null, false);
            assertThat(state.replayed()).isEqualTo(journal.size());
            assertThat(state.engine().rules().get().version()).isEqualTo("tight-cap");
            assertThat(StateHash.of(state.engine())).isEqualTo(StateHash.of(live));
        }
    }

    @Test
    void aReplayFromASnapshotStartsUnderTheActivationInForceThere() throws Exception {
        try (SqliteJournal j = written()) {
            Engine before = Engines.fresh();
            Replayer.of(before).startAt(j, switchedAt - 1);
            assertThat(before.rules().get().version()).isEqualTo(ACTIVE);

            Engine after = Engines.fresh();
            Replayer.of(after).startAt(j, switchedAt);
            assertThat(after.rules().get().version()).isEqualTo("tight-cap");
        }
    }

    @Test
    void aRecordedReplayNamesTheVersionsThatAppliedItsEntries() {
        Replayer replayer = Replayer.of(Engines.fresh());
        List<Replayer.Step> steps = replayer.applyAll(entries());
        assertThat(steps).allMatch(s -> s instanceof Replayer.Applied);
        assertThat(replayer.rules().versionsUsed()).containsExactly(ACTIVE, "tight-cap");
        assertThat(StateHash.of(replayer.engine())).isEqualTo(StateHash.of(live));
    }

    @Test
    void aPinnedReplaySkipsTheRecordedActivations() {
        Engine engine = Engines.fresh();
        RuleSetInForce pinned = RuleSetInForce.pinned(engine.rules().get());
        List<Replayer.Step> steps = new Replayer(engine, pinned).applyAll(entries());
        assertThat(steps).filteredOn(s -> s instanceof Replayer.Skipped)
                .extracting(s -> s.entry().command().getClass().getSimpleName()).containsExactly("ActivateRules", "ActivateRules");
        assertThat(pinned.versionsUsed()).containsExactly(ACTIVE);
        assertThat(engine.decisions().query(null, null, 1_000_000)).extracting(DecisionRecord::ruleSet)
                .containsOnly(ACTIVE);
    }

    @Test
    void aStrictReplayStopsAtAVersionItCannotLoad() {
        List<ReplayEntry> stamped = new ArrayList<>();
        for (ReplayEntry e : entries()) {
            if (!(e.command() instanceof ActivateRules)) {
                stamped.add(new ReplayEntry(e.seq(), "gone", e.command(), e.sender()));
            }
        }
        Engine engine = Engines.fresh();
        Replayer strict = new Replayer(engine, RuleSetInForce.asRecorded(engine.rules().get(), v -> {
            throw new IllegalStateException("no rules/" + v);
        }, RuleSetInForce.Unavailable.FAIL));
        assertThatThrownBy(() -> strict.applyAll(stamped)).isInstanceOf(UnavailableRuleVersionException.class)
                .hasMessageContaining("rule set gone").hasMessageContaining("no rules/gone");
    }

    private static List<ReplayEntry> entries() {
        return journal.stream().map(ReplayEntry::of).toList();
    }
}
