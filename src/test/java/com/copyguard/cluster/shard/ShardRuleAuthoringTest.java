package com.copyguard.cluster.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.cluster.Envelope;
import com.copyguard.cluster.RuleRecord;
import com.copyguard.cluster.ShardReply;
import com.copyguard.core.command.Sender;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.rules.RuleSource;
import com.copyguard.durability.Engines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard's side of four eyes and shadow runs, on real engines and real rule text, records going
 * through their JSON as they do on Kafka: every decision comes from the record and the table, so
 * two shards applying the same records agree, and the table comes back from a snapshot.
 */
class ShardRuleAuthoringTest {
    private static final Sender RITA = new Sender("rita", "rules-author");
    private static final Sender ADA = new Sender("ada", "rules-admin");
    private static final Sender RITA_AS_ADMIN = new Sender("rita", "rules-admin");

    private long offset;

    /** The active rule text: its compiled set is cached, so activating it again costs no compilation. */
    private static RuleSource active() {
        return Engines.rules().source();
    }

    private ShardReply apply(ShardEngine shard, RuleRecord r, boolean query) {
        String json = new String(r.encode(), StandardCharsets.UTF_8);
        return shard.apply(offset++, json, new Envelope("req-" + offset, 2, null, query, true), null);
    }

    private static RuleRecord propose(RuleSource source, Sender by) {
        return new RuleRecord(RuleRecord.Kind.PROPOSE, null, source, source.fingerprint(), 1_700_000_000_000L, by);
    }

    private static RuleRecord approve(String id, String fingerprint, Sender by) {
        return new RuleRecord(RuleRecord.Kind.APPROVE, id, null, fingerprint, 0, by);
    }

    private static RuleRecord reject(String id, Sender by) {
        return new RuleRecord(RuleRecord.Kind.REJECT, id, null, null, 0, by);
    }

    @Test
    void fourEyesIsDecidedOnTheShardFromTheRecordAndTheTable() {
        ShardEngine shard = ShardEngine.fresh(1, 2, Engines.rules());
        RuleSource source = active();
        ShardReply proposed = apply(shard, propose(source, RITA), false);
        assertThat(proposed.refused()).as(proposed.body().toString()).isFalse();
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.body().path("proposalId").asText()).isEqualTo("P1");
        assertThat(proposed.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(proposed.body().path("fingerprint").asText()).isEqualTo(source.fingerprint());
        assertThat(proposed.body().path("proposedBy").path("subject").asText()).isEqualTo("rita");

        ShardReply self = apply(shard, approve("P1", source.fingerprint(), RITA_AS_ADMIN), false);
        assertThat(self.refusal()).isEqualTo(RefusalCode.SELF_APPROVAL);
        ShardReply stale = apply(shard, approve("P1", "0".repeat(64), ADA), false);
        assertThat(stale.refusal()).as("the folder changed since").isEqualTo(RefusalCode.PROPOSAL_STALE);
        ShardReply gone = apply(shard, approve("P1", null, ADA), false);
        assertThat(gone.refusal()).as("the folder is gone").isEqualTo(RefusalCode.PROPOSAL_STALE);
        assertThat(apply(shard, approve("P9", source.fingerprint(), ADA), false).refusal()).isEqualTo(RefusalCode.NOT_FOUND);
        assertThat(shard.engine().lastActivation()).as("nothing activated yet").isNull();

        ShardReply approved = apply(shard, approve("P1", source.fingerprint(), ADA), false);
        assertThat(approved.refused()).as(approved.body().toString()).isFalse();
        assertThat(approved.body().path("proposalId").asText()).isEqualTo("P1");
        assertThat(approved.body().path("approvedBy").path("subject").asText()).isEqualTo("ada");
        assertThat(shard.engine().lastActivation().proposalId()).isEqualTo("P1");
        assertThat(shard.engine().lastActivation().proposedBy()).isEqualTo(RITA);
        assertThat(shard.engine().lastActivation().approvedBy()).isEqualTo(ADA);
        assertThat(shard.lastActivation()).as("kept for snapshots").contains("\"P1\"");

        assertThat(apply(shard, approve("P1", source.fingerprint(), ADA), false).refusal()).isEqualTo(RefusalCode.PROPOSAL_DECIDED);
        assertThat(apply(shard, reject("P1", ADA), false).refusal()).isEqualTo(RefusalCode.PROPOSAL_DECIDED);

        apply(shard, propose(source, RITA), false);
        ShardReply rejected = apply(shard, reject("P2", RITA_AS_ADMIN), false);
        assertThat(rejected.body().path("status").asText()).as("rejecting one's own is allowed").isEqualTo("REJECTED");
        assertThat(rejected.body().path("rejectedBy").path("subject").asText()).isEqualTo("rita");

        ShardReply list = apply(shard, RuleRecord.of(RuleRecord.Kind.LIST_PROPOSALS), true);
        assertThat(list.body()).hasSize(2);
        assertThat(list.body().get(0).path("status").asText()).isEqualTo("APPROVED");
        assertThat(list.body().get(1).path("status").asText()).isEqualTo("REJECTED");
        ShardReply one = apply(shard, new RuleRecord(RuleRecord.Kind.PROPOSAL, "P2", null, null, 0, null), true);
        assertThat(one.body().path("version").asText()).isEqualTo(source.version());
    }

    @Test
    void twoShardsApplyingTheSameRecordsHoldTheSameTableAndReplaySkipsReads() {
        RuleSource source = active();
        List<RuleRecord> records = List.of(propose(source, RITA), propose(source, RITA),
                approve("P1", source.fingerprint(), RITA_AS_ADMIN), reject("P2", ADA), approve("P1", source.fingerprint(), ADA));
        ShardEngine live = ShardEngine.fresh(0, 2, Engines.rules());
        ShardEngine replayed = ShardEngine.fresh(1, 2, Engines.rules());
        List<String> answers = new ArrayList<>();
        long at = 0;
        for (RuleRecord r : records) {
            String json = new String(r.encode(), StandardCharsets.UTF_8);
            answers.add(live.apply(at, json, new Envelope("x", 2, null, false, true), null).body().toString());
            replayed.replay(at, json, new Envelope("x", 2, null, false, true), null);
            at++;
        }
        // a read is never replayed: a shadow start in the log does not start a shadow run in recovery
        String start = new String(new RuleRecord(RuleRecord.Kind.SHADOW_START, null, source, null, 0, null).encode(),
                StandardCharsets.UTF_8);
        replayed.replay(at, start, new Envelope("s", 2, null, true, true), null);
        assertThat(replayed.engine().rules().shadow().running()).isFalse();
        assertThat(answers.get(2)).contains("SELF_APPROVAL");
        assertThat(live.proposals().toJson()).isEqualTo(replayed.proposals().toJson());
        assertThat(replayed.engine().lastActivation().proposalId()).isEqualTo("P1");
        assertThat(replayed.nextOffset()).isEqualTo(at + 1);
    }

    @Test
    void theTableAndThePendingTextSurviveASnapshot(@TempDir Path dir) throws Exception {
        RuleSource source = active();
        ShardEngine shard = ShardEngine.fresh(0, 1, Engines.rules());
        apply(shard, propose(source, RITA), false);
        apply(shard, propose(source, RITA), false);
        apply(shard, approve("P1", source.fingerprint(), ADA), false);
        ShardSnapshots snapshots = new ShardSnapshots(dir);
        snapshots.write(shard);

        ShardEngine restored = snapshots.newest(0, 1, shard.nextOffset(), Engines.rules()).orElseThrow();
        assertThat(restored.proposals().toJson()).isEqualTo(shard.proposals().toJson());
        assertThat(restored.engine().lastActivation().proposalId()).isEqualTo("P1");
        offset = restored.nextOffset();
        ShardReply approved = apply(restored, approve("P2", source.fingerprint(), ADA), false);
        assertThat(approved.refused()).as("the pending text came back: " + approved.body()).isFalse();
        assertThat(restored.engine().lastActivation().proposalId()).isEqualTo("P2");
        ShardReply next = apply(restored, propose(source, RITA), false);
        assertThat(next.body().path("proposalId").asText()).as("ids go on").isEqualTo("P3");
    }

    @Test
    void aShadowRunStartsReportsAndStopsOnTheShard() {
        ShardEngine shard = ShardEngine.fresh(0, 1, Engines.rules());
        assertThat(apply(shard, RuleRecord.of(RuleRecord.Kind.SHADOW_REPORT), true).body().path("running").asBoolean()).isFalse();
        assertThat(apply(shard, RuleRecord.of(RuleRecord.Kind.SHADOW_STOP), true).refusal()).isEqualTo(RefusalCode.NO_SHADOW_RUN);
        ShardReply started = apply(shard, new RuleRecord(RuleRecord.Kind.SHADOW_START, null, active(), null, 0, null), true);
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.body().path("running").asBoolean()).isTrue();
        assertThat(started.body().path("fills").asLong()).isZero();
        assertThat(shard.engine().rules().shadow().running()).isTrue();
        ShardReply stopped = apply(shard, RuleRecord.of(RuleRecord.Kind.SHADOW_STOP), true);
        assertThat(stopped.body().path("version").asText()).isEqualTo(active().version());
        assertThat(stopped.body().has("running")).as("a stop answers the final report, as the single node").isFalse();
        assertThat(shard.engine().rules().shadow().running()).isFalse();
    }

    @Test
    void theTableIsBoundedForgettingTheOldestDecidedFirst() {
        ShardProposals table = new ShardProposals();
        RuleSource source = RuleSource.of("v", "", Map.of("a.drl", "package x;"));
        for (int i = 0; i < ShardProposals.MAX_KEPT; i++) {
            table.propose(source, RITA, i);
        }
        assertThatThrownBy(() -> table.propose(source, RITA, 0)).isInstanceOf(InputRefused.class)
                .extracting(e -> ((InputRefused) e).code()).isEqualTo(RefusalCode.TOO_MANY_PROPOSALS);
        table.decided(table.decidable("P7", ADA, false), ADA, false);
        table.decided(table.decidable("P3", ADA, false), ADA, false);
        assertThat(table.propose(source, RITA, 0).id).isEqualTo("P1001");
        assertThat(table.list()).hasSize(ShardProposals.MAX_KEPT);
        assertThatThrownBy(() -> table.get("P3")).as("the oldest decided is forgotten first").isInstanceOf(InputRefused.class);
        assertThat(table.get("P7").status).isEqualTo(ShardProposals.Status.REJECTED);
        assertThat(ShardProposals.fromJson(table.toJson()).toJson()).isEqualTo(table.toJson());
    }

    @Test
    void pendingProposalsOfOneTextKeepItOnceAndATamperedTextIsNotRestored() {
        ShardProposals table = new ShardProposals();
        RuleSource source = active();
        for (int i = 0; i < 200; i++) {
            table.propose(source, RITA, i);
        }
        int textSize = source.files().values().stream().mapToInt(String::length).sum();
        String json = table.toJson();
        assertThat(json.length()).as("one copy of the text for 200 proposals").isLessThan(2 * textSize);
        assertThat(ShardProposals.fromJson(json).toJson()).isEqualTo(json);
        String someFile = source.files().firstKey();
        String tampered = json.replace("\"" + someFile + "\":\"", "\"" + someFile + "\":\"// edited\\n");
        assertThat(tampered).isNotEqualTo(json);
        assertThatThrownBy(() -> ShardProposals.fromJson(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the text proposed");
    }
}
