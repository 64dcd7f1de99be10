package com.copyguard.durability.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.durability.Engines;
import com.copyguard.durability.replay.ReplayDivergedException;
import com.copyguard.durability.replay.Replayer;
import com.copyguard.durability.snapshot.StateHash;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.Engine;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.durability.journal.JournalEntry;
import com.copyguard.durability.journal.SqliteJournal;
import com.copyguard.core.rules.RuleSetLoader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    /** The version rules/ACTIVE names: the engines of these tests start on it. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    @TempDir
    Path dir;

    /** The journal a seeded engine would have written, every entry stamped with {@code version}. */
    private List<JournalEntry> journalOf(List<Command> commands, String version) {
        List<JournalEntry> out = new ArrayList<>();
        for (Command c : commands) {
            out.add(new JournalEntry(out.size() + 1, version, CommandCodec.encode(c)));
        }
        return out;
    }

    /**
     * The active rule set's DRL published both as "v1" and under its own name: the journal was
     * written under the active rules, so each half replays under rules that decide its inputs as they
     * were decided (the real rules/v1 would refuse some of today's fills RULE_RUNAWAY: see its
     * affordability cap).
     */
    private Path rulesWithActiveAndV1() throws Exception {
        Path root = dir.resolve("rules");
        for (String v : new String[] {"v1", ACTIVE}) {
            Path target = Files.createDirectories(root.resolve(v));
            try (Stream<Path> files = Files.list(Path.of("rules", ACTIVE))) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            Files.writeString(target.resolve("manifest.properties"), "version=" + v + "\ndescription=copy\n");
        }
        return root;
    }

    @Test
    void eachEntryIsReplayedUnderTheRuleSetThatAppliedItThenTheStartingOneIsBack() throws Exception {
        Engines.Built built = Engines.build(21, 300);
        List<JournalEntry> entries = journalOf(built.journal(), ACTIVE);
        // stamp the second half with v1, as if the rule set had changed half way (the engines start on the active set)
        for (int i = entries.size() / 2; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            entries.set(i, new JournalEntry(e.seq(), "v1", e.payload()));
        }
        try (SqliteJournal journal = new SqliteJournal(dir.resolve("data"))) {
            journal.append(entries);
            Engine engine = Engines.fresh();
            RuleSetLoader loader = new RuleSetLoader(rulesWithActiveAndV1());
            List<String> asked = new ArrayList<>();
            Replayer.asRecorded(engine, v -> {
                asked.add(v);
                return loader.load(v);
            }).replay(journal, 0);
            assertThat(asked).containsExactly("v1");
            assertThat(engine.rules().get().version()).isEqualTo(ACTIVE);
            long v1Fills = entries.stream().filter(e -> e.ruleSet().equals("v1"))
                    .filter(e -> CommandCodec.decode(e.payload()) instanceof ExpertFill).count();
            assertThat(v1Fills).isPositive();
            List<DecisionRecord> decisions = engine.decisions().query(null, null, 1_000_000);
            assertThat(decisions).extracting(DecisionRecord::ruleSet).contains("v1", ACTIVE);
        }
    }

    @Test
    void aVersionThatCannotBeLoadedIsReplayedUnderTheCurrentRules() throws Exception {
        Engines.Built built = Engines.build(22, 100);
        try (SqliteJournal journal = new SqliteJournal(dir.resolve("data"))) {
            journal.append(journalOf(built.journal(), "v0-gone"));
            Engine engine = Engines.fresh();
            Replayer.asRecorded(engine, v -> {
                throw new IllegalStateException("no rules/" + v);
            }).replay(journal, 0);
            assertThat(StateHash.of(engine))
                    .isEqualTo(StateHash.of(built.engine()));
        }
    }

    @Test
    void anEntryRefusedOnReplayIsADivergence() throws Exception {
        Engines.Built built = Engines.build(23, 50);
        List<Command> commands = new ArrayList<>(built.journal());
        commands.add(new Deposit("NO-SUCH-ACCOUNT", BigDecimal.TEN, "r", 1_700_000_000_000L));
        try (SqliteJournal journal = new SqliteJournal(dir.resolve("data"))) {
            journal.append(journalOf(commands, "v1"));
            assertThatThrownBy(() -> Replayer.of(Engines.fresh()).replay(journal, 0))
                    .isInstanceOf(ReplayDivergedException.class)
                    .hasMessageContaining("replay diverged at journal entry " + commands.size())
                    .hasMessageContaining("NO-SUCH-ACCOUNT");
        }
    }

    @Test
    void aFullReplayReproducesTheLiveEngine() throws Exception {
        Engines.Built built = Engines.build(24, 400);
        try (SqliteJournal journal = new SqliteJournal(dir.resolve("data"))) {
            journal.append(journalOf(built.journal(), "v1"));
            Engine engine = Engines.fresh();
            assertThat(Replayer.of(engine).replay(journal, 0)).isEqualTo(built.journal().size());
            assertThat(StateHash.of(engine))
                    .isEqualTo(StateHash.of(built.engine()));
        }
    }
}
