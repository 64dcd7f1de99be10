package com.copyguard.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.ServiceConfig;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.copyguard.testing.TestRuleVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule set change is a snapshot point, and a snapshot taken there recovers under the rules that
 * were active at it: the journal tail after it is replayed under the activated version, not under
 * the one configured at start.
 */
class RuleChangeSnapshotIT {
    private static final String FOLLOW = """
            {"followerId": "carol", "expertId": "alice", "mode": "MULTIPLIER", "multiplier": "1", "amount": "100000",
             "settings": {"leverage": {"mode": "FIXED", "value": 10}}, "time": 1700000001000}""";

    @Test
    void aTailAfterTheActivationSnapshotReplaysUnderTheActivatedRules() throws Exception {
        Path rules = TestRuleVersions.root();
        Path data = Files.createTempDirectory("copyguard-rule-snapshot");
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, data, rules, null, null);
        String hashBefore;
        try (RunningService service = RunningService.start(config)) {
            ApiClient api = service.api();
            Scenario s = new Scenario(api).instrument("AUSDT", "0").expert("alice", "1000000");
            s.follow(FOLLOW);
            s.fill("alice", "f1", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000002000L);
            long activatedAt = 1 + api.get("/state/hash").body().path("seq").asLong();
            assertThat(api.post("/rules/activate", "{\"version\": \"tight-cap\"}").status()).isEqualTo(200);
            // replies leave at commit; the snapshot follows right after
            long deadline = System.nanoTime() + 10_000_000_000L;
            List<Path> taken = snapshots(data);
            while (seqOf(taken.get(taken.size() - 1)) < activatedAt && System.nanoTime() < deadline) {
                Thread.sleep(50);
                taken = snapshots(data);
            }
            assertThat(seqOf(taken.get(taken.size() - 1))).as("a snapshot at the activation").isEqualTo(activatedAt);
            s.fill("alice", "f2", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000010000L);
            s.fill("alice", "f3", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000020000L);
            assertThat(api.get("/decisions?fillId=f3").body().path("items").get(0).path("qty").asText()).isEqualTo("20");
            hashBefore = api.get("/state/hash").body().path("hash").asText();
        }
        // the shutdown snapshot would hide the tail: remove it, as if the process had been killed
        List<Path> files = snapshots(data);
        Files.delete(files.get(files.size() - 1));

        try (RunningService service = RunningService.start(config)) {
            ApiClient api = service.api();
            assertThat(service.service().recovered().snapshotSeq()).isPositive();
            assertThat(service.service().recovered().replayed()).isEqualTo(2);
            assertThat(api.get("/health").body().path("ruleSet").asText()).isEqualTo("tight-cap");
            assertThat(api.get("/decisions?fillId=f3").body().path("items").get(0).path("qty").asText()).isEqualTo("20");
            assertThat(api.get("/state/hash").body().path("hash").asText()).isEqualTo(hashBefore);
        }
    }

    private static List<Path> snapshots(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("snapshots"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cgs"))
                    .sorted(Comparator.comparingLong(RuleChangeSnapshotIT::seqOf)).toList();
        }
    }

    private static long seqOf(Path f) {
        String name = f.getFileName().toString();
        return Long.parseLong(name.substring(name.indexOf('-') + 1, name.indexOf('.')));
    }
}
