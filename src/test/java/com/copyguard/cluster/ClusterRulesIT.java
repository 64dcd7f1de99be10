package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.api.security.Role;
import com.copyguard.api.security.SecurityOptions;
import com.copyguard.api.security.SigningKey;
import com.copyguard.api.security.Tokens4Tests;
import com.copyguard.app.ServiceConfig;
import com.copyguard.cluster.ingress.ClusterGateway;
import com.copyguard.cluster.ingress.ClusterIngress;
import com.copyguard.cluster.shard.ShardWorker;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.rules.ShadowReport;
import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.copyguard.testing.TestRuleVersions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule authoring through the cluster, as clients use it: two ingresses (real HTTP on loopback
 * ports) in front of one real in-process Kafka, 4 shards, the test rule versions. Four eyes across
 * ingresses (proposed on A, approved on B, both answered after every shard committed), the
 * activation reaching every shard, the proposal table surviving a worker restart from its snapshot
 * plus the log, validation, and a shadow run whose summed report matches what the shards counted
 * and what a single node counts over the same inputs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRulesIT {
    private static final int SHARDS = 4;
    private static final String ACTIVE = TestRuleVersions.activeVersion();
    private static KafkaTestCluster kafka;
    private static InProcessCluster cluster;
    private static Path snapshots;
    /** The rules folder both ingresses read. */
    private static Path rulesDir;
    private static ClusterGateway gatewayB;
    private static ClusterIngress ingressA;
    private static ClusterIngress ingressB;
    private static Tokens4Tests tokens;
    /** An admin, a rules-author (rita), a rules-admin (ada) on ingress A; the same people on B. */
    private static ApiClient adminA;
    private static ApiClient ritaA;
    private static ApiClient adaB;
    private static ApiClient ritaAsAdminB;

    @BeforeAll
    static void start(@TempDir Path keys, @TempDir Path snapshotDir) {
        snapshots = snapshotDir;
        rulesDir = TestRuleVersions.root();
        kafka = KafkaTestCluster.start(1);
        // snapshots only when a worker hands a shard over: the restart test controls what is in them
        cluster = new InProcessCluster(kafka, SHARDS, 1, snapshotDir, 1_000_000);
        gatewayB = new ClusterGateway(kafka.bootstrapServers(), cluster.topics(), SHARDS, Duration.ofSeconds(60));
        SecurityOptions security = new SecurityOptions(List.of(), List.of(), null, null, null, null);
        ingressA = ClusterIngress.start(cluster.gateway(), "127.0.0.1", 0, SigningKey.loadOrCreate(keys), security,
                WallClockGuard.DEFAULT, new RuleSetLoader(rulesDir));
        ingressB = ClusterIngress.start(gatewayB, "127.0.0.1", 0, SigningKey.loadOrCreate(keys), security,
                WallClockGuard.DEFAULT, new RuleSetLoader(rulesDir));
        tokens = new Tokens4Tests(keys);
        adminA = new ApiClient(ingressA.port(), tokens.token("ops", Role.ADMIN, null));
        ritaA = adminA.as(tokens.token("rita", Role.RULES_AUTHOR, null));
        ApiClient adminB = new ApiClient(ingressB.port(), tokens.token("ops", Role.ADMIN, null));
        adaB = adminB.as(tokens.token("ada", Role.RULES_ADMIN, null));
        ritaAsAdminB = adminB.as(tokens.token("rita", Role.RULES_ADMIN, null));
    }

    @AfterAll
    static void stop() throws Exception {
        ingressA.close();
        ingressB.close();
        gatewayB.close();
        cluster.close();
        tokens.close();
        kafka.close();
    }

    private static String activeOn(int shard) {
        return cluster.read(shard, s -> s.engine().rules().get().version());
    }

    private static Optional<String> approvedProposalOn(int shard) {
        return cluster.read(shard, s -> Optional.ofNullable(s.engine().lastActivation())
                .map(a -> String.valueOf(a.proposalId())));
    }

    private static JsonNode proposalIn(Response list, String id) {
        for (JsonNode p : list.body()) {
            if (p.path("proposalId").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError(id + " is not listed: " + list.raw());
    }

    @Test
    @Order(1)
    void validationCompilesAtTheIngressAndABrokenVersionSendsNothing() {
        Response good = ritaA.post("/rules/validate", "{\"version\":\"tight-cap\"}");
        assertThat(good.status()).as(good.raw()).isEqualTo(200);
        assertThat(good.body().path("valid").asBoolean()).isTrue();
        assertThat(good.body().path("rules").asInt()).isGreaterThan(20);
        Response bad = adaB.post("/rules/validate", "{\"version\":\"syntax-error\"}");
        assertThat(bad.status()).as("validation answers, as the single node: " + bad.raw()).isEqualTo(200);
        assertThat(bad.body().path("valid").asBoolean()).isFalse();
        assertThat(bad.body().path("messages")).isNotEmpty();
        assertThat(ritaA.post("/rules/validate", "{\"version\":\"no-such-version\"}").status()).isEqualTo(404);
        assertThat(adminA.as(tokens.token("d", Role.DESK, null)).post("/rules/validate", "{\"version\":\"tight-cap\"}").status())
                .as("roles as the contract says").isEqualTo(403);

        Response proposeBroken = ritaA.post("/rules/proposals", "{\"version\":\"syntax-error\"}");
        assertThat(proposeBroken.status()).as(proposeBroken.raw()).isEqualTo(422);
        assertThat(proposeBroken.error()).isEqualTo("RULES_INVALID");
        Response shadowBroken = ritaA.post("/rules/shadow", "{\"version\":\"syntax-error\"}");
        assertThat(shadowBroken.status()).as(shadowBroken.raw()).isEqualTo(422);
        assertThat(adaB.get("/rules/proposals").body()).as("nothing was proposed").isEmpty();
    }

    @Test
    @Order(2)
    void fourEyesAcrossTwoIngressesActivatesOnEveryShard() throws Exception {
        Response proposed = ritaA.post("/rules/proposals", "{\"version\":\"v2\"}");
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
        String id = proposed.text("proposalId");
        assertThat(proposed.text("status")).isEqualTo("PENDING");
        assertThat(proposed.body().path("proposedBy").path("subject").asText()).isEqualTo("rita");

        Response listedOnB = adaB.get("/rules/proposals");
        assertThat(listedOnB.status()).as(listedOnB.raw()).isEqualTo(200);
        assertThat(proposalIn(listedOnB, id).path("fingerprint").asText()).isEqualTo(proposed.text("fingerprint"));

        Response self = ritaAsAdminB.post("/rules/proposals/" + id + "/approve", "{}");
        assertThat(self.status()).as(self.raw()).isEqualTo(403);
        assertThat(self.error()).isEqualTo("SELF_APPROVAL");
        assertThat(ritaA.post("/rules/proposals/" + id + "/approve", "{}").status()).as("an author cannot approve").isEqualTo(403);
        assertThat(adaB.post("/rules/proposals/P999/approve", "{}").status()).isEqualTo(404);

        Response approved = adaB.post("/rules/proposals/" + id + "/approve", "{}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("active")).isEqualTo("v2");
        assertThat(approved.text("proposalId")).isEqualTo(id);
        assertThat(approved.body().path("approvedBy").path("subject").asText()).isEqualTo("ada");
        for (int p = 0; p < SHARDS; p++) {
            assertThat(activeOn(p)).as("shard " + p + " runs the approved version").isEqualTo("v2");
            assertThat(approvedProposalOn(p)).as("shard " + p).contains(id);
        }
        Response rules = adminA.get("/rules");
        assertThat(rules.text("active")).isEqualTo("v2");
        assertThat(rules.body().path("lastActivation").path("proposalId").asText()).isEqualTo(id);
        assertThat(rules.body().path("lastActivation").path("proposedBy").path("subject").asText()).isEqualTo("rita");

        Response again = adaB.post("/rules/proposals/" + id + "/approve", "{}");
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("PROPOSAL_DECIDED");
        assertThat(adaB.post("/rules/proposals/" + id + "/reject", "{}").error()).isEqualTo("PROPOSAL_DECIDED");

        Response second = ritaA.post("/rules/proposals", "{\"version\":\"tight-cap\"}");
        Response rejected = adaB.post("/rules/proposals/" + second.text("proposalId") + "/reject", "{}");
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.body().path("rejectedBy").path("subject").asText()).isEqualTo("ada");
        Response listedOnA = ritaA.get("/rules/proposals");
        assertThat(proposalIn(listedOnA, id).path("status").asText()).isEqualTo("APPROVED");
        assertThat(proposalIn(listedOnA, second.text("proposalId")).path("status").asText()).isEqualTo("REJECTED");

        // the approving ingress reads the folder again: an edit since the proposal makes it stale
        Response third = ritaA.post("/rules/proposals", "{\"version\":\"tight-cap\"}");
        Path drl;
        try (Stream<Path> files = Files.list(rulesDir.resolve("tight-cap"))) {
            drl = files.filter(f -> f.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(drl);
        Files.writeString(drl, text + "\n// edited after the proposal\n");
        try {
            Response stale = adaB.post("/rules/proposals/" + third.text("proposalId") + "/approve", "{}");
            assertThat(stale.status()).as(stale.raw()).isEqualTo(409);
            assertThat(stale.error()).isEqualTo("PROPOSAL_STALE");
        } finally {
            Files.writeString(drl, text);
        }
        assertThat(proposalIn(adaB.get("/rules/proposals"), third.text("proposalId")).path("status").asText())
                .as("a stale approval changes nothing").isEqualTo("PENDING");
        assertThat(activeOn(0)).isEqualTo("v2");
        assertThat(adaB.post("/rules/proposals/" + third.text("proposalId") + "/reject", "{}").status()).isEqualTo(200);

        // back to the active version (break-glass), for the tests after this one
        assertThat(adminA.post("/rules/activate", "{\"version\":\"" + ACTIVE + "\"}").status()).isEqualTo(200);
        assertThat(activeOn(SHARDS - 1)).isEqualTo(ACTIVE);
    }

    @Test
    @Order(3)
    void aShadowRunSumsWhatTheShardsSawAndMatchesASingleNode(@TempDir Path dataDir) throws Exception {
        try (RunningService single = RunningService.start(new ServiceConfig("127.0.0.1", 0, dataDir,
                TestRuleVersions.root(), null, null))) {
            // the same inputs to the cluster (as its admin; the shadow run as rita) and to the single node (its admin)
            List<ApiClient[]> both = List.of(new ApiClient[] {adminA, ritaA}, new ApiClient[] {single.api(), single.api()});
            Set<Integer> shards = new TreeSet<>();
            for (ApiClient[] target : both) {
                ApiClient api = target[0];
                Scenario s = new Scenario(api).instrument("AUSDT", "0").expert("alice", "100000").expert("bert", "100000");
                String[] multipliers = {"0.1", "1", "0.5", "1", "0.2", "2", "0.5", "1"};
                for (int i = 0; i < multipliers.length; i++) {
                    String follower = "sh-" + i;
                    String expert = i % 4 == 3 ? "bert" : "alice";
                    if (expert.equals("alice")) {
                        shards.add(cluster.routing().ofFollower(follower));
                    }
                    s.follow("{\"followerId\":\"" + follower + "\",\"expertId\":\"" + expert + "\",\"mode\":\"MULTIPLIER\","
                            + "\"multiplier\":\"" + multipliers[i] + "\",\"amount\":\"10000\","
                            + "\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":10}},\"time\":1700000001000}");
                }
                assertThat(api.get("/rules/shadow").body().path("running").asBoolean()).isFalse();
                Response started = target[1].post("/rules/shadow", "{\"version\":\"tight-cap\"}");
                assertThat(started.status()).as(started.raw()).isEqualTo(201);
                assertThat(started.body().path("running").asBoolean()).isTrue();
                assertThat(started.body().path("fills").asLong()).isZero();
                s.fill("alice", "sh-f1", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000002000L);
                s.fill("bert", "sh-f2", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000003000L);
                s.fill("alice", "sh-f3", "AUSDT", "OPEN_LONG", "10", "100", 10, 1700000006000L);
                s.fill("alice", "sh-f4", "AUSDT", "CLOSE_LONG", "40", "100", 10, 1700000007000L);
            }
            assertThat(shards).as("alice's followers sit on several shards").hasSizeGreaterThan(1);

            JsonNode merged = adaB.get("/rules/shadow").body();
            JsonNode reference = single.api().get("/rules/shadow").body();
            assertThat(merged.path("running").asBoolean()).isTrue();
            assertThat(merged.path("shardsRunning").asInt()).isEqualTo(SHARDS);
            assertThat(merged.path("version").asText()).isEqualTo("tight-cap");
            assertThat(merged.path("differing").asLong()).as("the candidate differs somewhere").isPositive();
            for (String count : List.of("compared", "differing", "failures")) {
                assertThat(merged.path(count).asLong()).as(count + " equals the single node's").isEqualTo(reference.path(count).asLong());
            }
            assertThat(merged.path("byChange")).isEqualTo(reference.path("byChange"));
            assertThat(examples(merged)).containsExactlyInAnyOrderElementsOf(examples(reference));
            // a fill counts once on every shard holding followers of its expert: at least the single node's count
            assertThat(merged.path("fills").asLong()).isGreaterThanOrEqualTo(reference.path("fills").asLong());

            long fills = 0;
            long compared = 0;
            long differing = 0;
            for (int p = 0; p < SHARDS; p++) {
                ShadowReport r = cluster.read(p, s -> Optional.ofNullable(s.engine().rules().shadow().report()))
                        .orElseThrow(() -> new AssertionError("no shadow run on a shard"));
                fills += r.fills();
                compared += r.compared();
                differing += r.differing();
            }
            assertThat(merged.path("fills").asLong()).as("the sum of what the shards saw").isEqualTo(fills);
            assertThat(merged.path("compared").asLong()).isEqualTo(compared);
            assertThat(merged.path("differing").asLong()).isEqualTo(differing);

            Response stopped = ritaA.delete("/rules/shadow");
            assertThat(stopped.status()).as(stopped.raw()).isEqualTo(200);
            assertThat(stopped.body().path("differing").asLong()).isEqualTo(differing);
            assertThat(stopped.body().path("compared").asLong()).isEqualTo(compared);
            assertThat(adaB.get("/rules/shadow").body().path("running").asBoolean()).isFalse();
            Response none = ritaA.delete("/rules/shadow");
            assertThat(none.status()).as(none.raw()).isEqualTo(404);
            assertThat(none.error()).isEqualTo("NO_SHADOW_RUN");
        }
    }

    private static List<String> snapshotFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.list(snapshots.resolve("shard-0").resolve("snapshots"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** A report's examples without their subscription ids (the cluster mints its own). */
    private static List<String> examples(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("examples").forEach(x -> out.add(x.path("fillId").asText() + " " + x.path("change").asText() + " "
                + x.path("active") + " -> " + x.path("shadow")));
        return out;
    }

    @Test
    @Order(4)
    void proposalsSurviveAWorkerRestartFromItsSnapshotAndTheLog() throws Exception {
        String decided = ritaA.post("/rules/proposals", "{\"version\":\"" + ACTIVE + "\"}").text("proposalId");
        assertThat(adaB.post("/rules/proposals/" + decided + "/approve", "{}").status()).isEqualTo(200);
        String pending = ritaA.post("/rules/proposals", "{\"version\":\"" + ACTIVE + "\"}").text("proposalId");

        // a graceful stop leaves a snapshot of every shard, with the proposal table beside it
        ShardWorker first = cluster.workers().get(0);
        first.close();
        try (Stream<Path> files = Files.list(snapshots.resolve("shard-0").resolve("snapshots"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("proposals-"));
        }
        ShardWorker second = cluster.addWorker();
        cluster.awaitAllShardsLive();
        Response afterSnapshot = adaB.get("/rules/proposals");
        assertThat(proposalIn(afterSnapshot, pending).path("status").asText()).isEqualTo("PENDING");
        assertThat(proposalIn(afterSnapshot, decided).path("status").asText()).isEqualTo("APPROVED");

        // one more proposal, in the log only; then the worker dies without a snapshot
        List<String> before = snapshotFiles();
        String logged = ritaA.post("/rules/proposals", "{\"version\":\"" + ACTIVE + "\"}").text("proposalId");
        second.crashAfter(0);
        CompletableFuture<Response> listing = CompletableFuture.supplyAsync(() -> ritaA.get("/rules/proposals"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!second.crashed() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(second.crashed()).isTrue();
        cluster.addWorker();
        cluster.awaitAllShardsLive();
        Response recovered = listing.get();
        assertThat(snapshotFiles()).as("recovered from the same snapshot, plus the log").isEqualTo(before);
        assertThat(recovered.status()).as(recovered.raw()).isEqualTo(200);
        assertThat(proposalIn(recovered, decided).path("status").asText()).isEqualTo("APPROVED");
        assertThat(proposalIn(recovered, pending).path("status").asText()).isEqualTo("PENDING");
        assertThat(proposalIn(recovered, logged).path("status").asText()).as("replayed from the log").isEqualTo("PENDING");

        // the recovered shards still hold the proposed text, and decide alike
        Response approved = adaB.post("/rules/proposals/" + logged + "/approve", "{}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        for (int p = 0; p < SHARDS; p++) {
            assertThat(approvedProposalOn(p)).as("shard " + p).contains(logged);
        }
        assertThat(ritaAsAdminB.post("/rules/proposals/" + pending + "/approve", "{}").error()).isEqualTo("SELF_APPROVAL");
        assertThat(adaB.post("/rules/proposals/" + pending + "/reject", "{}").text("status")).isEqualTo("REJECTED");
    }
}
