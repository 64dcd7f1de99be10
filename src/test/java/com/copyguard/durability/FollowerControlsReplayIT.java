package com.copyguard.durability;

import com.copyguard.durability.snapshot.StateHash;

import static com.copyguard.it.FollowerControls.DAY;
import static com.copyguard.it.FollowerControls.HOUR;
import static com.copyguard.it.FollowerControls.MINUTE;
import static com.copyguard.it.FollowerControls.WEDNESDAY;
import static com.copyguard.it.FollowerControls.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.ServiceConfig;
import com.copyguard.core.engine.Engine;
import com.copyguard.it.FollowerControls;
import com.copyguard.durability.journal.SqliteJournal;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's inputs are journaled and replay to the same state: pauses and a catch-up resume, a
 * loss limit that closes positions and resets at 00:00 UTC+8, a trailing-drawdown stop after a
 * deposit, follower capacity, and follower and expert margin changes. The live state hash equals a
 * full replay of the journal and the state after a restart.
 */
class FollowerControlsReplayIT {
    @TempDir
    Path tmp;

    @Test
    void liveStateEqualsFullReplayAndRestart() throws Exception {
        Path dir = tmp.resolve("copyguard-controls");
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, dir, Path.of("rules"), null, null)
                .withDurability(new DurabilitySettings(0, 3));
        JsonNode live;
        try (RunningService s = RunningService.start(config)) {
            drive(new FollowerControls(s.api()));
            live = expect(s.api().get("/state/hash"), 200).body();
        }
        try (SqliteJournal journal = SqliteJournal.openReadOnly(dir)) {
            ActiveRules rules = new ActiveRules(Engines.rules());
            RecoveredState full = StateRecovery.recover(journal, null, () -> EngineAssembly.create(rules), null, false);
            assertThat(full.seq()).isEqualTo(live.path("seq").asLong());
            assertThat(StateHash.of(full.engine())).isEqualTo(live.path("hash").asText());
        }
        try (RunningService s = RunningService.start(config)) {
            assertThat(s.api().get("/state/hash").body()).isEqualTo(live);
        }
    }

    /** Every new input kind, in an order where each one acts. */
    private static void drive(FollowerControls cg) {
        long t = WEDNESDAY - 3 * HOUR;
        cg.instrument("RPAUSDT").instrument("RPBUSDT");
        cg.expert("rx", "{\"equity\":\"10000\",\"maxFollowers\":3}");
        String paused = cg.follow("rp", "rx", "1000", "1", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}", t)
                .text("subscriptionId");
        String limited = cg.follow("rl", "rx", "1000", "10", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":10},"
                + "\"lossLimits\":[{\"period\":\"DAY\",\"maxLoss\":\"40\",\"closePositions\":true}]}", t).text("subscriptionId");
        Response guarded = cg.follow("rg", "rx", "1000", "1", "{\"marginMode\":\"ISOLATED\","
                + "\"guardian\":{\"maxDrawdownRatio\":\"0.05\"}}", t);
        assertThat(cg.api().post("/subscriptions", FollowerControls.followJson("rf", "rx", "100", "1", null, t)).error())
                .isEqualTo("EXPERT_FULL");

        cg.fill("rx", "r-o1", "RPAUSDT", "OPEN_LONG", "8", "100", "ISOLATED", t + 10_000);
        expect(cg.pause(paused, t + 20_000), 200);
        cg.fill("rx", "r-o2", "RPBUSDT", "OPEN_LONG", "1", "50", "CROSS", t + 30_000);
        cg.price("RPBUSDT", "51", t + 40_000);
        expect(cg.resume(paused, true, t + 50_000), 200);
        expect(cg.positionMargin(guarded.text("subscriptionId"), "RPAUSDT", "LONG", "5", t + 60_000), 200);
        expect(cg.expertMargin("rx", "RPAUSDT", "LONG", "40", t + 70_000), 200);
        cg.deposit(guarded.text("accountId"), "100", "r-dep", t + 80_000);
        // the limited copy loses 80 × 6 − 10 = 470 ≥ 40: its positions close; the guarded pool (1,053 of a
        // 1,101 peak) holds, and at 92 (1,037 < 1,045.95) stops
        JsonNode at94 = cg.price("RPAUSDT", "94", t + 2 * HOUR).body().path("riskActions");
        assertThat(at94.findValuesAsText("reason")).containsExactly("LOSS_LIMIT", "LOSS_LIMIT");
        JsonNode at92 = cg.price("RPAUSDT", "92", t + 2 * HOUR + MINUTE).body().path("riskActions");
        assertThat(at92.findValuesAsText("reason")).containsOnly("GUARDIAN_DRAWDOWN");
        expect(cg.api().post("/subscriptions/" + paused + "/stop", "{\"mode\":\"MARKET_CLOSE\",\"time\":"
                + (t + 2 * HOUR + 2 * MINUTE) + "}"), 200);
        cg.follow("rf", "rx", "100", "1", null, t + 2 * HOUR + 3 * MINUTE);   // two slots free again
        cg.fill("rx", "r-o3", "RPAUSDT", "OPEN_LONG", "1", "92", "ISOLATED", WEDNESDAY + MINUTE);   // the next UTC+8 day
        cg.price("RPAUSDT", "93", WEDNESDAY + DAY + MINUTE);
        assertThat(cg.subscription(limited).path("positions")).hasSize(1);
    }
}
