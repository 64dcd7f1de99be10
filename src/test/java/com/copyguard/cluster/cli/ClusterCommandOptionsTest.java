package com.copyguard.cluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.engine.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The worker's risk sweep interval and the sequencer's snapshot interval are operators' settings,
 * bounded: out of bounds is a usage error before anything starts.
 */
final class ClusterCommandOptionsTest {

    @Test
    void theSweepIntervalDefaultsToTheSingleNodesAndTakesAnotherValue() {
        ClusterCommand defaults = new ClusterCommand();
        new CommandLine(defaults).parseArgs("worker", "--bootstrap-servers", "localhost:9092");
        ClusterCommand set = new ClusterCommand();
        new CommandLine(set).parseArgs("worker", "--bootstrap-servers", "localhost:9092", "--risk-sweep-every", "25");

        assertThat(defaults.riskSweepEvery()).isEqualTo(Engine.DEFAULT_RISK_SWEEP_EVERY);
        assertThat(set.riskSweepEvery()).isEqualTo(25);
    }

    @Test
    void anIntervalOutOfBoundsIsAUsageErrorBeforeAnythingStarts() {
        for (String ticks : new String[] {"0", "-3", "1000001", "often"}) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new ClusterCommand()).setErr(new PrintWriter(err));

            int exit = cli.execute("worker", "--bootstrap-servers", "localhost:1", "--risk-sweep-every", ticks);

            assertThat(exit).as(ticks).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString()).as(ticks).contains("--risk-sweep-every");
        }
    }

    @Test
    void theSequencerSnapshotIntervalHasADefaultAndTakesAnotherValue() {
        ClusterCommand defaults = new ClusterCommand();
        new CommandLine(defaults).parseArgs("sequencer", "--bootstrap-servers", "localhost:9092");
        ClusterCommand set = new ClusterCommand();
        new CommandLine(set).parseArgs("sequencer", "--bootstrap-servers", "localhost:9092", "--snapshot-dir", "snaps",
                "--sequencer-snapshot-every", "500");

        assertThat(defaults.sequencerSnapshotEvery()).isEqualTo(10_000);
        assertThat(defaults.snapshotDir).isNull();
        assertThat(set.sequencerSnapshotEvery()).isEqualTo(500);
        assertThat(set.snapshotDir).hasToString("snaps");
    }

    @Test
    void aSequencerSnapshotIntervalOutOfBoundsIsAUsageErrorBeforeAnythingStarts() {
        for (String records : new String[] {"0", "-1", "100000001", "sometimes"}) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new ClusterCommand()).setErr(new PrintWriter(err));

            int exit = cli.execute("sequencer", "--bootstrap-servers", "localhost:1", "--sequencer-snapshot-every", records);

            assertThat(exit).as(records).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString()).as(records).contains("--sequencer-snapshot-every");
        }
    }
}
