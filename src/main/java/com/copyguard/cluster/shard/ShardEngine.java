package com.copyguard.cluster.shard;

import com.copyguard.api.ReadOperations;
import com.copyguard.cluster.DeskKey;
import com.copyguard.cluster.Envelope;
import com.copyguard.cluster.MarketSeq;
import com.copyguard.core.paging.Cursor;
import com.copyguard.core.paging.Page;
import com.copyguard.core.paging.Pages.Positioned;
import com.copyguard.cluster.QueryRecord;
import com.copyguard.events.LiveEvent;
import java.util.List;
import com.copyguard.cluster.GatherRecords;
import com.copyguard.cluster.ShardReply;
import com.copyguard.cluster.ShardRouting;
import com.copyguard.cluster.StateCheckpoint;
import com.copyguard.cluster.FollowerTotals;
import com.copyguard.core.screening.FollowerResults;
import com.copyguard.cluster.sequencer.SeatRecords;
import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.command.Sender;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.Result;
import com.copyguard.api.ResultStatus;
import com.copyguard.json.ApiJson;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.refusal.Refusal;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.refusal.RefusalCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the cluster touches the engine: one shard's engine, applying its log's records in
 * offset order and answering each with a {@link ShardReply}. Not thread-safe: its worker's poll
 * thread owns it.
 *
 * <p>Decisions that depend on every shard's followers are gathered ({@link Gather}): an opening
 * fill under a token limit is held until every shard's claims on the budget arrived, so TOKEN_LIMIT
 * is decided as one engine decides it (rules that take claims, v4 on; older rule sets get a
 * per-shard quota of limit ÷ shards, {@link TokenQuota}); a follow is held until every other shard
 * reported its followers' results and following notional at the follow's place in the market
 * order (EXPERT_AVOID, catch-up copies). A caller confined to one follower is checked here, at
 * apply time, against the subscription's or account's owner. A follow the sequencer handed over
 * with a seat grant is decided counting the expert's followers on the other shards (the grant's),
 * and what each record changed in follower counts is kept as a seat report for the worker to send
 * back to the sequencer ({@link SeatWatch}).
 *
 * <p>Besides the engine's state a shard holds the cluster's rule proposals ({@link ShardProposals},
 * kept beside its snapshots as its last activation is): rule authoring records change or read
 * them, and start, report and stop the engine's shadow run ({@link ShardRuleAuthoring}).
 */
public final class ShardEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ShardEngine.class);

    private final int shard;
    private final int shards;
    private final Engine engine;
    private final ShardEvents events;
    /** The live events of the last input applied, for the worker to write with its reply. */
    private List<LiveEvent> lastEvents = List.of();
    private final SeatWatch seats;
    /** The seat report of the record applied last, until the worker takes it. */
    private SeatRecords.Report seatReport;
    /** The journal JSON of the last rule activation applied: a snapshot holds state, not the rules. */
    private String lastActivation;
    /** The cluster's rule proposals and this shard's shadow run steps (rule authoring records). */
    private final ShardRuleAuthoring authoring;
    private long nextOffset;
    /** Which records are applied when: at once, or held for the other shards' parts. */
    private final ShardIntake intake = new ShardIntake(this);
    /** The desk order's marks of this shard's decisions and risk actions (kept beside its snapshots). */
    private final DeskMarks marks;
    /** Parts of the followers' sums sent ahead of a screening read: transient, not state. */
    private final FollowerStaging staging = new FollowerStaging();

    private ShardEngine(int shard, int shards, Engine engine, ShardEvents events, SeatWatch seats,
                        String lastActivation, ShardProposals proposals, DeskMarks marks, long nextOffset) {
        this.marks = marks;
        this.shard = shard;
        this.shards = shards;
        this.engine = engine;
        this.events = events;
        this.seats = seats;
        seats.attach(engine.ledger());
        this.lastActivation = lastActivation;
        this.authoring = new ShardRuleAuthoring(proposals);
        this.nextOffset = nextOffset;
    }

    /** An empty shard that mints ids from its own block. */
    public static ShardEngine fresh(int shard, int shards, RuleSet rules) {
        ShardEvents events = new ShardEvents();
        SeatWatch seats = new SeatWatch();
        Engine engine = events.engine(rules, seats);
        engine.ledger().mintIdsAfter(ShardRouting.idBase(shard));
        return new ShardEngine(shard, shards, engine, events, seats, null, new ShardProposals(), new DeskMarks(), 0);
    }

    /**
     * A shard restored from a snapshot's state; its rules are re-activated from {@code lastActivation},
     * its proposal table is {@code proposals} (kept beside the snapshot).
     */
    static ShardEngine restored(int shard, int shards, Engine engine, ShardEvents events, SeatWatch seats,
                                String lastActivation, ShardProposals proposals, DeskMarks marks, long nextOffset) {
        if (lastActivation != null) {
            engine.apply(CommandCodec.decode(lastActivation));
        }
        return new ShardEngine(shard, shards, engine, events, seats, lastActivation, proposals, marks, nextOffset);
    }

    /**
     * Applies the record at {@code offset} ({@code json}: an input's journal JSON, or a read's
     * {@link QueryRecord} when the envelope says so; {@code grant}: a follow's seat from the
     * sequencer, null for any other record) and answers it; the input's live events are then
     * {@link #lastEvents} and its seat report waits for {@link #takeSeatReport}.
     */
    public ShardReply apply(long offset, String json, Envelope envelope,
                            SeatRecords.Grant grant) {
        return apply(offset, json, envelope, grant, null);
    }

    /**
     * As above; {@code marketSeq}: the record's cg.seq offset when the sequencer forwarded it as a
     * market-wide input ({@link MarketSeq}), which marks what it and later records add to the
     * decision and risk logs ({@link DeskMarks}).
     */
    public ShardReply apply(long offset, String json, Envelope envelope, SeatRecords.Grant grant, Long marketSeq) {
        marks.before(engine, marketSeq);
        ShardReply reply = applyRecord(offset, json, envelope, grant);
        marks.after(engine);
        seatReport = seats.after(shard, offset, engine.ledger(), grant);
        return reply;
    }

    /** What applying one record gave: its reply, its live events, its seat report (null: none). */
    public record Applied(ShardReply reply, List<LiveEvent> events, SeatRecords.Report seats) {
    }

    /**
     * Takes the next record of this shard's log and applies what can be applied now, in log order
     * ({@link ShardIntake}: a record that needs the other shards' parts is held, with the records
     * behind it, until they arrive). Returns the records applied by this one, in order.
     */
    public List<Applied> offer(ShardRecord r, boolean live) {
        return intake.offer(r, live);
    }

    /** The offset to read this shard's log from again (records behind a held one not kept), or -1. */
    public long takeRewind() {
        return intake.takeRewind();
    }

    /** Tests: keep at most {@code records} behind a held record. */
    void maxBehind(int records) {
        intake.maxBehind(records);
    }

    /** The parts of gathers this shard owes the others, to send in the transaction of the records taken. */
    public List<GatherRecords.Share> takeShares() {
        return intake.takeShares();
    }

    /** How long each live record that waited for the other shards' parts waited (ns), since the last call. */
    public List<Long> takeGatherWaits() {
        return intake.takeGatherWaits();
    }

    /** True while a record waits for the other shards' parts. */
    public boolean holding() {
        return intake.holding();
    }

    /** A record taken and not applied (a replayed read, a part already used, a marker): the next offset passes it. */
    void passed(ShardRecord r, boolean live) {
        nextOffset = r.offset() + 1;
        if (!live && r.envelope().query()) {
            lastEvents = List.of();
            // a read through cg.seq (a checkpoint marker, a shadow run step) moved the mark when it was answered live
            marks.before(engine, r.marketSeq());
        }
    }

    /** A record held for the other shards' parts: the next offset stays at it. */
    void holdAt(ShardRecord r) {
        nextOffset = r.offset();
    }

    /** Applies {@code r}, with the other shards' parts of its gather ({@code answer}, null: none). */
    Applied applied(ShardRecord r, Gather answer) {
        boolean quota = answer == null && shards > 1 && !engine.rules().get().decidesTokenClaims();
        if (answer != null) {
            answer.install(engine);
        } else if (quota) {
            engine.otherShards(new TokenQuota(shards));
        }
        ShardReply reply;
        try {
            reply = apply(r.offset(), r.json(), r.envelope(), r.grant(), r.marketSeq());
        } finally {
            if (answer != null || quota) {
                Gather.uninstall(engine);
            }
        }
        return new Applied(reply, lastEvents, takeSeatReport());
    }

    /**
     * This shard's part of a follow decided on another shard, as things stand where the follow is
     * applied (after the daily checks due at its time); a follow refused for its time gets the part
     * as things stand now, which its shard never uses.
     */
    GatherRecords.Share followShare(ShardRecord marker) {
        Long time = null;
        try {
            time = CommandCodec.decode(marker.json()).eventTime();
        } catch (RuntimeException e) {
            // a follow that does not decode is refused by its own shard: any part will do
        }
        GatherRecords.Share share = time == null ? null
                : engine.asIfAppliedAt(time, () -> Gather.followShare(engine, marker.marker(), shard), null);
        return share != null ? share : Gather.followShare(engine, marker.marker(), shard);
    }

    int shards() {
        return shards;
    }

    /** What the record applied last changed in expert follower counts (null: nothing), sent back to cg.seq. */
    public SeatRecords.Report takeSeatReport() {
        SeatRecords.Report r = seatReport;
        seatReport = null;
        return r;
    }

    private ShardReply applyRecord(long offset, String json, Envelope envelope,
                                   SeatRecords.Grant grant) {
        nextOffset = offset + 1;
        lastEvents = List.of();
        if (envelope.rules()) {
            return authoring(offset, json, envelope);
        }
        if (envelope.query()) {
            return answer(offset, json, envelope);
        }
        Command command;
        Sender sender;
        try {
            command = CommandCodec.decode(json);
            sender = CommandCodec.sender(json);
        } catch (RuntimeException e) {
            // the ingress encoded it; a record that does not decode is answered, never retried forever
            LOG.warn("shard {} offset {}: undecodable input skipped: {}", shard, offset, e.toString());
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), RefusalCode.MALFORMED_JSON, "MALFORMED_JSON",
                    "the input could not be decoded");
        }
        if (envelope.confinedTo() != null && !ownedBy(command, envelope.confinedTo())) {
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), RefusalCode.NOT_FOUND, "NOT_FOUND",
                    "subscription or account not found");
        }
        events.before(command);
        if (command instanceof Follow f) {
            seats.following(f, grant);
        }
        try {
            Result reply = engine.apply(command, sender);
            if (command instanceof ActivateRules && reply.changed()) {
                lastActivation = json;
            }
            lastEvents = events.applied(command, reply);
            return new ShardReply(envelope.requestId(), shard, envelope.parts(), ResultStatus.of(reply), ApiJson.tree(reply), null);
        } catch (Refusal e) {
            events.refused(command);
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), e.code(), e.errorCode(),
                    e.getMessage());
        } catch (RuntimeException e) {
            events.refused(command);
            LOG.error("shard {} offset {}: input refused by an internal error", shard, offset, e);
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), RefusalCode.INTERNAL_ERROR,
                    "INTERNAL_ERROR", String.valueOf(e));
        }
    }

    /**
     * Applies (or answers) a rule authoring record: a proposal step, a read of the proposal table
     * or a shadow run step ({@link ShardRuleAuthoring}). An approval's activation is applied as an
     * {@link ActivateRules} input is: its live events are sent, and it is kept for snapshots.
     */
    private ShardReply authoring(long offset, String json, Envelope envelope) {
        com.copyguard.cluster.RuleRecord record;
        try {
            record = com.copyguard.cluster.RuleRecord.decode(json);
        } catch (RuntimeException e) {
            LOG.warn("shard {} offset {}: undecodable rule record skipped: {}", shard, offset, e.toString());
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), RefusalCode.MALFORMED_JSON, "MALFORMED_JSON",
                    "the rule record could not be decoded");
        }
        try {
            return authoring.apply(record, envelope, shard, engine, activation -> {
                events.before(activation);
                try {
                    Result result = engine.apply(activation, record.by());
                    if (result.changed()) {
                        lastActivation = CommandCodec.encode(activation, record.by());
                    }
                    lastEvents = events.applied(activation, result);
                    return result;
                } catch (RuntimeException e) {
                    events.refused(activation);
                    throw e;
                }
            });
        } catch (Refusal e) {
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), e.code(), e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("shard {} offset {}: rule record refused by an internal error", shard, offset, e);
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), RefusalCode.INTERNAL_ERROR,
                    "INTERNAL_ERROR", String.valueOf(e));
        }
    }

    /** How many price ticks pass between the risk index's full sweeps (not state: an operator's setting). */
    public void sweepRiskEvery(int ticks) {
        engine.sweepRiskEvery(ticks);
    }

    /**
     * Replays the record at {@code offset} during recovery: an input is applied as live (its reply
     * and events were committed by the owner that first applied it); a read is skipped.
     */
    public void replay(long offset, String json, Envelope envelope, SeatRecords.Grant grant) {
        replay(offset, json, envelope, grant, null);
    }

    /** As above, with the record's cg.seq stamp (null: none). */
    public void replay(long offset, String json, Envelope envelope, SeatRecords.Grant grant, Long marketSeq) {
        offer(new ShardRecord(offset, json, null, envelope, grant, marketSeq, null, false, null), false);
    }

    /** The live events of the input last applied (none after a read, a refusal or a no-op). */
    public List<LiveEvent> lastEvents() {
        return lastEvents;
    }

    /**
     * Answers a read with the single node's own query ({@link ReadOperations}); a caller confined to
     * one follower gets 404 for a subscription or account that is not its own, as the single node answers.
     * A screening read's record may carry the followers' results summed over the shards ({@link FollowerTotals}).
     */
    private ShardReply answer(long offset, String json, Envelope envelope) {
        try {
            QueryRecord.Decoded record = QueryRecord.decodeRecord(json);
            ReadOperations.Request request = record.request();
            if (StateCheckpoint.OPERATION.equals(request.operationId())) {
                // a checkpoint marker from the sequencer: this shard's state hash after every record before it
                return new ShardReply(envelope.requestId(), shard, envelope.parts(), ResultStatus.OK,
                        StateCheckpoint.shardAnswer(shard, offset, engine), null);
            }
            if (envelope.confinedTo() != null && !readable(request, envelope.confinedTo())) {
                return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), RefusalCode.NOT_FOUND, "NOT_FOUND",
                        "subscription or account not found");
            }
            if (FollowerTotals.OPERATION.equals(request.operationId())) {
                // the ingress's first step of a screening read: this shard's share of the followers' results
                return new ShardReply(envelope.requestId(), shard, envelope.parts(), ResultStatus.OK,
                        FollowerTotals.shardAnswer(engine, request), null);
            }
            if (FollowerTotals.STAGE_OPERATION.equals(request.operationId()) && record.followerResults() != null) {
                // a part of the sums sent ahead of the screening read (more experts than one record holds)
                return new ShardReply(envelope.requestId(), shard, envelope.parts(), ResultStatus.OK,
                        com.copyguard.json.Json.object().put("staged", staging.stage(record.followerResults())), null);
            }
            if (record.desk() != null) {
                return new ShardReply(envelope.requestId(), shard, envelope.parts(), ResultStatus.OK,
                        deskPage(request, DeskKey.parse(record.desk().get("below"))), null);
            }
            if (record.followerResults() == null) {
                return new ShardReply(envelope.requestId(), shard, envelope.parts(), ResultStatus.OK,
                        ApiJson.tree(ReadOperations.query(request).apply(engine)), null);
            }
            // the second step: screening with the followers' results summed over every shard, not this shard's own
            java.util.Map<String, FollowerResults> sums = staging.complete(record.followerResults());
            if (sums == null) {
                return new ShardReply(envelope.requestId(), shard, envelope.parts(), 503, com.copyguard.json.Json.object()
                        .put("error", "NOT_CONFIRMED").put("message", "parts of the followers' sums sent ahead of this "
                                + "read are missing (a worker restarted meanwhile?); ask again"), null);
            }
            Object view = ReadOperations.screeningQuery(request, FollowerResults.supplied(sums)).apply(engine);
            return new ShardReply(envelope.requestId(), shard, envelope.parts(), ResultStatus.OK, ApiJson.tree(view), null);
        } catch (Refusal e) {
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), e.code(), e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("shard {} offset {}: read failed", shard, offset, e);
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), RefusalCode.INTERNAL_ERROR,
                    "INTERNAL_ERROR", String.valueOf(e));
        }
    }

    /**
     * This shard's page of a desk-wide list below {@code below} in the desk order (null: from the
     * newest): the single node's query from the position that key leaves on this shard, with each
     * item's key ({@code keys}: [mark, position]) for the ingress to merge the shards' pages by.
     */
    private com.fasterxml.jackson.databind.node.ObjectNode deskPage(ReadOperations.Request request, DeskKey below) {
        MarkRuns runs = marks.of(request.operationId());
        long before = below == null ? Long.MAX_VALUE : runs.before(below, shard);
        ReadOperations.Request at = before == Long.MAX_VALUE ? request.withQuery("cursor", null)
                : request.withQuery("cursor", Cursor.encode(before));
        Page<? extends Positioned<?>> page = ReadOperations.positionedQuery(at).apply(engine);
        com.fasterxml.jackson.databind.node.ObjectNode body =
                (com.fasterxml.jackson.databind.node.ObjectNode) ApiJson.tree(page.map(Positioned::value));
        com.fasterxml.jackson.databind.node.ArrayNode keys = body.putArray("keys");
        for (Positioned<?> item : page.items()) {
            keys.addArray().add(runs.markOf(item.position())).add(item.position());
        }
        return body;
    }

    /** Whether {@code follower} may read what {@code r} names: its subscription or account (path or filter). */
    private boolean readable(ReadOperations.Request r, String follower) {
        String subscription = r.path().getOrDefault("subscriptionId", r.queryValue("subscriptionId"));
        String account = r.path().get("accountId");
        if (subscription != null) {
            Subscription s = engine.ledger().subscription(subscription);
            if (s == null || !follower.equals(s.followerId())) {
                return false;
            }
        }
        if (account != null) {
            Account a = engine.ledger().account(account);
            return a != null && follower.equals(a.followerId());
        }
        return true;
    }

    private boolean ownedBy(Command c, String follower) {
        String subscription = null;
        String account = null;
        if (c instanceof PatchSettings p) {
            subscription = p.subscriptionId();
        } else if (c instanceof StopFollowing s) {
            subscription = s.subscriptionId();
        } else if (c instanceof ClosePosition p) {
            subscription = p.subscriptionId();
        } else if (c instanceof PauseSubscription p) {
            subscription = p.subscriptionId();
        } else if (c instanceof ResumeSubscription r) {
            subscription = r.subscriptionId();
        } else if (c instanceof ChangePositionMargin m) {
            subscription = m.subscriptionId();
        } else if (c instanceof Deposit d) {
            account = d.accountId();
        } else if (c instanceof Withdraw w) {
            account = w.accountId();
        } else {
            return true; // a follow's followerId was checked at the edge (scope "body")
        }
        if (subscription != null) {
            Subscription s = engine.ledger().subscription(subscription);
            return s != null && follower.equals(s.followerId());
        }
        Account a = engine.ledger().account(account);
        return a != null && follower.equals(a.followerId());
    }

    public int shard() {
        return shard;
    }

    /** The offset of the next record this engine applies (everything before it is in its state). */
    public long nextOffset() {
        return nextOffset;
    }

    String lastActivation() {
        return lastActivation;
    }

    /** The desk order's marks, for snapshots. */
    DeskMarks marks() {
        return marks;
    }

    /** The proposal table, for snapshots. */
    ShardProposals proposals() {
        return authoring.proposals();
    }

    /** The engine, for snapshots and for reading state between records. */
    public Engine engine() {
        return engine;
    }
}
