package com.copyguard.pipeline;

import com.copyguard.engine.Engine;
import com.copyguard.journal.CommandCodec;
import com.copyguard.journal.Journal;
import com.copyguard.journal.JournalException;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.RuleSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebuilds engine state by re-applying the journal in order: replay is the oracle. */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** Finds a rule set version by name (e.g. compiles rules/<version>); may throw when it is gone. */
    @FunctionalInterface
    public interface RuleVersions {
        RuleSet load(String version) throws Exception;
    }

    private Recovery() {
    }

    /**
     * Replays every entry after {@code afterSeq}. With {@code versions}, each entry is applied by
     * the rule set version it records (so that replay decides what was decided), and the rules the
     * engine started with are active again afterwards. A version that cannot be loaded is replayed
     * under the current rules, with a warning. An entry that is refused on replay throws
     * {@link ReplayDivergedException}.
     */
    public static long replay(Journal journal, Engine engine, long afterSeq, RuleVersions versions)
            throws JournalException {
        ActiveRules active = engine.rules();
        RuleSet started = active.get();
        Map<String, RuleSet> loaded = new HashMap<>();
        loaded.put(started.version(), started);
        Set<String> missing = new HashSet<>();
        long[] count = {0};
        try {
            journal.readAfter(afterSeq, entry -> {
                if (versions != null && !entry.ruleSet().equals(active.get().version())
                        && !missing.contains(entry.ruleSet())) {
                    RuleSet rs = loaded.computeIfAbsent(entry.ruleSet(), v -> load(versions, v, missing));
                    if (rs != null) {
                        active.swap(rs);
                    }
                }
                try {
                    engine.apply(CommandCodec.decode(entry.payload()), CommandCodec.sender(entry.payload()));
                } catch (RuntimeException e) {
                    throw new ReplayDivergedException(entry.seq(), e);
                }
                count[0]++;
            });
        } finally {
            if (active.get() != started) {
                active.swap(started);
            }
        }
        return count[0];
    }

    private static RuleSet load(RuleVersions versions, String version, Set<String> missing) {
        try {
            LOG.info("replaying entries of rule set {} under that rule set", version);
            return versions.load(version);
        } catch (Exception e) {
            missing.add(version);
            LOG.warn("rule set {} recorded in the journal cannot be loaded ({}); its entries are replayed under the "
                    + "current rules", version, e.getMessage());
            return null;
        }
    }
}
