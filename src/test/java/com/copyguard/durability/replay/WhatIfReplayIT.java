package com.copyguard.durability.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.ServiceConfig;
import com.copyguard.app.Cli;
import com.copyguard.json.Json;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.copyguard.testing.TestRuleVersions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records a session through the real service (the active version, then tight-cap activated mid-way), then asks the
 * replay command what other rules would have done: per follower PnL and decision differences.
 */
class WhatIfReplayIT {
    /** The version rules/ACTIVE names: what a fresh data directory starts with. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    private static Path rules;
    private static Path data;

    @BeforeAll
    static void recordASession() throws Exception {
        rules = TestRuleVersions.root();
        data = Files.createTempDirectory("copyguard-replay");
        try (RunningService service = RunningService.start(new ServiceConfig("127.0.0.1", 0, data, rules, null, null))) {
            ApiClient api = service.api();
            Scenario s = new Scenario(api).instrument("AUSDT", "0").expert("alice", "100000");
            String follow = """
                    {"followerId": "%s", "expertId": "alice", "mode": "MULTIPLIER", "multiplier": "%s", "amount": "10000",
                     "settings": {"leverage": {"mode": "FIXED", "value": 10}}, "time": 1700000001000}""";
            s.follow(follow.formatted("bob", "0.1"));
            s.follow(follow.formatted("carol", "1"));
            s.fill("alice", "f1", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000002000L);   // carol 30, bob 3
            s.prices(1700000003000L, "AUSDT", "110");
            s.fill("alice", "f2", "AUSDT", "CLOSE_LONG", "30", "110", 10, 1700000004000L);  // carol +300, bob +30
            assertThat(api.post("/rules/activate", "{\"version\": \"tight-cap\"}").status()).isEqualTo(200);
            s.fill("alice", "f3", "AUSDT", "OPEN_LONG", "30", "110", 10, 1700000005000L);   // carol capped to 18.181
            s.prices(1700000006000L, "AUSDT", "120");
        }
    }

    private static JsonNode follower(JsonNode report, String id) {
        for (JsonNode f : report.get("followers")) {
            if (f.get("followerId").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no follower " + id + " in " + report);
    }

    @Test
    void underTheCandidateOnlyCarolsEarlyCopiesDifferAndHerPnlDropsByOneHundred() {
        Cli cli = Cli.run("replay", "--data-dir", data.toString(), "--rules", rules.resolve("tight-cap").toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        String out = cli.out();
        assertThat(out).contains("actual : " + ACTIVE + " → tight-cap (as recorded)")
                .contains("what-if: tight-cap")
                .contains("copy decisions: 6 compared, 2 differ")
                .contains("follower bob — no difference (net PnL 60)")
                .contains("follower carol — DIFFERS: net PnL 481.81 → 381.81 (-100)")
                .contains("alice/f1 OPEN_LONG AUSDT at 1700000002000: actual COPIED qty 30 → what-if COPIED qty 20 (MAX_POSITION_VALUE)")
                .contains("alice/f2 CLOSE_LONG AUSDT at 1700000004000: actual COPIED qty 30 → what-if COPIED qty 20");
        assertThat(out).containsPattern("realized PnL\\s+300\\s+200\\s+-100");
    }

    @Test
    void underTheBaselineOnlyTheCopyAfterTheActivationDiffers() throws Exception {
        Cli cli = Cli.run("replay", "--data-dir", data.toString(), "--rules", rules.resolve(ACTIVE).toString(), "--json");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(cli.out());
        assertThat(report.get("decisionsDiffering").asInt()).isEqualTo(1);
        assertThat(follower(report, "bob").get("differs").asBoolean()).isFalse();
        JsonNode carol = follower(report, "carol").get("subscriptions").get(0);
        assertThat(carol.get("actual").get("unrealizedPnl").asText()).isEqualTo("181.81");
        assertThat(carol.get("whatIf").get("unrealizedPnl").asText()).isEqualTo("300");
        JsonNode d = carol.get("decisions").get(0);
        assertThat(d.get("fillId").asText()).isEqualTo("f3");
        assertThat(d.get("actual").get("qty").asText()).isEqualTo("18.181");
        assertThat(d.get("whatIf").get("qty").asText()).isEqualTo("30");
    }

    @Test
    void aJsonLinesRecordingGivesTheSameAnswerAsTheJournal() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("# the recorded session, one journal command per line");
        for (com.copyguard.durability.replay.ReplayEntry e : RecordedInput.fromJournal(data).entries()) {
            lines.add(CommandCodec.encode(e.command()));
        }
        Path file = Files.createTempFile("copyguard-session", ".jsonl");
        Files.write(file, lines);
        Cli fromFile = Cli.run("replay", "--input", file.toString(), "--rules", rules.resolve("tight-cap").toString(), "--json");
        Cli fromJournal = Cli.run("replay", "--data-dir", data.toString(), "--rules", rules.resolve("tight-cap").toString(), "--json");
        assertThat(fromFile.exit()).as(fromFile.err()).isZero();
        JsonNode a = Json.MAPPER.readTree(fromFile.out());
        JsonNode b = Json.MAPPER.readTree(fromJournal.out());
        assertThat(a.get("followers")).isEqualTo(b.get("followers"));
        assertThat(a.get("actualVersions")).isEqualTo(b.get("actualVersions"));
    }
}
