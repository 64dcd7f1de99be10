package com.copyguard.cluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.engine.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The worker's risk sweep interval is an operator's setting, bounded as the single node's is. */
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
}
