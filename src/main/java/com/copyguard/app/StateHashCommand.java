package com.copyguard.app;

import com.copyguard.durability.DurabilitySettings;
import com.copyguard.durability.RecoveredState;
import com.copyguard.durability.snapshot.SnapshotStore;
import com.copyguard.durability.snapshot.StateHash;
import com.copyguard.durability.StateRecovery;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.Json;
import com.copyguard.durability.journal.SqliteJournal;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.screening.EngineAssembly;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code copyguard state-hash --data-dir DIR [--no-snapshot]}: rebuilds the state from a data
 * directory exactly as start-up recovery would (without changing the directory: the journal is
 * opened read-only) and prints {@code {"seq":..,"hash":..,...}} as the last line of stdout. With
 * {@code --no-snapshot} it replays the whole journal, the oracle that GET /state/hash must match.
 */
@Command(name = "state-hash", mixinStandardHelpOptions = true,
        description = "Replay a data directory's journal and print the state hash.")
public final class StateHashCommand implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, description = "Data directory holding journal.db and snapshots/")
    Path dataDir;

    @Option(names = "--rules-dir", defaultValue = "rules", description = "Rule set versions. Default: ${DEFAULT-VALUE}")
    Path rulesDir;

    @Option(names = "--rules-version", description = "Rule set to start from (default: the one named in <rules-dir>/ACTIVE)")
    String rulesVersion;

    @Option(names = "--no-snapshot", description = "Ignore snapshots: replay the whole journal")
    boolean noSnapshot;

    @Override
    public Integer call() throws Exception {
        RuleSetLoader loader = new RuleSetLoader(rulesDir);
        String version = rulesVersion != null ? rulesVersion : CopyguardService.activeVersion(rulesDir);
        ActiveRules active = new ActiveRules(loader.load(version));
        try (SqliteJournal journal = SqliteJournal.openReadOnly(dataDir)) {
            SnapshotStore snapshots = noSnapshot ? null
                    : new SnapshotStore(dataDir, DurabilitySettings.DEFAULTS.snapshotsKept());
            // each attempt (a snapshot, else the whole journal) starts from the same rules
            RecoveredState state = StateRecovery.recover(journal, snapshots,
                    () -> EngineAssembly.create(new ActiveRules(active.get())), loader::load,
                    false);
            long started = System.nanoTime();
            String hash = StateHash.of(state.engine());
            ObjectNode out = Json.object();
            out.put("seq", state.seq());
            out.put("hash", hash);
            out.put("snapshotSeq", state.snapshotSeq());
            out.put("replayed", state.replayed());
            out.put("droppedTornSeq", state.journalCheck().droppedSeq());
            out.put("recoveryMillis", state.millis());
            out.put("hashMillis", (System.nanoTime() - started) / 1_000_000);
            System.out.println(Json.MAPPER.writeValueAsString(out));
            System.out.flush();
        }
        return 0;
    }
}
