package com.copyguard.durability.writer;

import com.copyguard.core.engine.Engine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --risk-sweep-every N}: how many price ticks pass between two full risk scans, the risk
 * index's safety net, for whatever runs engines (the single node's writer, a cluster worker's
 * shards). A picocli mixin, so both command lines check the same bounds the same way: out of
 * bounds is a usage error before anything starts.
 */
public final class RiskSweepOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private int ticks = Engine.DEFAULT_RISK_SWEEP_EVERY;

    @Option(names = "--risk-sweep-every", paramLabel = "TICKS", defaultValue = "1000",
            description = "Price ticks between two full risk scans, the risk index's safety net (1: every tick;"
                    + " at most 1000000); copyguard_risk_index_sweeps_total counts them. Default: ${DEFAULT-VALUE}")
    void ticks(int ticks) {
        if (ticks < 1 || ticks > Engine.MAX_RISK_SWEEP_EVERY) {
            throw new ParameterException(mixee.commandLine(), "--risk-sweep-every must be 1 to "
                    + Engine.MAX_RISK_SWEEP_EVERY + " ticks, not " + ticks);
        }
        this.ticks = ticks;
    }

    public int ticks() {
        return ticks;
    }
}
