package com.copyguard.observability;

import static com.copyguard.testing.EventTimes.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.app.Main;
import com.copyguard.app.ServiceConfig;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --risk-sweep-every N}: the real service, on the active rule set (which declares trigger
 * prices), runs the full risk scan on every N-th price tick, as {@code copyguard_risk_index_sweeps_total}
 * shows; the default is every 1,000th; out-of-range values are refused before anything starts.
 */
class RiskSweepIntervalIT {
    private static final int TICKS = 9;

    @Test
    void everyThirdTickSweepsWithThreeAndNoneOfNineWithTheDefault() throws Exception {
        assertThat(sweepsAfterNineTicks(3)).as("ticks 3, 6 and 9 sweep").isEqualTo(3.0);
        assertThat(sweepsAfterNineTicks(null)).as("the default sweeps every 1,000th tick").isEqualTo(0.0);
        assertThat(sweepsAfterNineTicks(1)).as("1: every tick is a full scan").isEqualTo(9.0);
    }

    @Test
    void anIntervalOutsideOneToAMillionIsRefusedOnTheCommandLineAndInTheConfiguration() {
        for (String bad : new String[] {"0", "-5", "1000001", "many"}) {
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute("--risk-sweep-every", bad, "--data-dir", "never-created-" + bad);
            assertThat(exit).as("--risk-sweep-every " + bad).isEqualTo(2);
            assertThat(err.toString()).contains("--risk-sweep-every");
            assertThat(Path.of("never-created-" + bad)).doesNotExist();
        }
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, Path.of("unused"), Path.of("rules"), null, null);
        assertThat(config.riskSweepEvery()).isEqualTo(1_000);
        assertThatThrownBy(() -> config.withRiskSweepEvery(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 1000000 ticks, not 0");
    }

    /** Sweeps counted after a follow with a stop loss, one fill and nine quiet ticks; null: the default interval. */
    private static double sweepsAfterNineTicks(Integer every) throws Exception {
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, Files.createTempDirectory("copyguard-sweeps"),
                Path.of("rules"), null, null);
        if (every != null) {
            config = config.withRiskSweepEvery(every);
        }
        try (RunningService service = RunningService.start(config)) {
            Scenario s = new Scenario(service.api(), T0).instrument("AUSDT", "0").expert("alice", "10000");
            s.multiplierFollow("bob", "alice", "1000", "1", "{\"stopLossRatio\":\"0.5\"}");
            s.fill("alice", "f1", "AUSDT", "OPEN_LONG", "1", "100", 10, 2_000);
            for (int i = 1; i <= TICKS; i++) {
                // quiet ticks: the stop is below 95
                s.prices(2_000 + i * 60_000L, "AUSDT", i % 2 == 0 ? "99" : "101");
            }
            MetricsText m = new MetricsText(service.api().get("/metrics").raw());
            assertThat(m.value("copyguard_risk_index_missed_total")).isEqualTo(0.0);
            return m.value("copyguard_risk_index_sweeps_total");
        }
    }
}
