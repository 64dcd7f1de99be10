package com.copyguard.cluster.shard;

import com.copyguard.cluster.Envelope;
import com.copyguard.cluster.ShardReply;
import com.copyguard.cluster.ShardRouting;
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
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.api.ResultStatus;
import com.copyguard.json.ApiJson;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.refusal.Refusal;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.refusal.RefusalCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the cluster touches the engine: one shard's engine, applying its log's records in
 * offset order and answering each with a {@link ShardReply}. Not thread-safe: its worker's poll
 * thread owns it.
 *
 * <p>Two things differ from the single-node service, both on purpose: an instrument's
 * {@code followNotionalLimit} (TOKEN_LIMIT, the one global rule) is applied as a per-shard quota
 * of limit ÷ shards, so the shards together never exceed it; and a caller confined to one
 * follower is checked here, at apply time, against the subscription's or account's owner. A
 * follow the sequencer handed over with a seat grant is decided counting the expert's followers
 * on the other shards (the grant's), and what each record changed in follower counts is kept as a
 * seat report for the worker to send back to the sequencer ({@link SeatWatch}).
 */
public final class ShardEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ShardEngine.class);

    private final int shard;
    private final int shards;
    private final Engine engine;
    private final SeatWatch seats;
    /** The seat report of the record applied last, until the worker takes it. */
    private SeatRecords.Report seatReport;
    /** The journal JSON of the last rule activation applied: a snapshot holds state, not the rules. */
    private String lastActivation;
    private long nextOffset;

    private ShardEngine(int shard, int shards, Engine engine, SeatWatch seats, String lastActivation, long nextOffset) {
        this.shard = shard;
        this.shards = shards;
        this.engine = engine;
        this.seats = seats;
        seats.attach(engine.ledger());
        this.lastActivation = lastActivation;
        this.nextOffset = nextOffset;
    }

    /** An empty shard that mints ids from its own block. */
    public static ShardEngine fresh(int shard, int shards, RuleSet rules) {
        SeatWatch seats = new SeatWatch();
        Engine engine = EngineAssembly.create(new ActiveRules(rules), seats);
        engine.ledger().mintIdsAfter(ShardRouting.idBase(shard));
        return new ShardEngine(shard, shards, engine, seats, null, 0);
    }

    /** An empty engine that tells {@code seats} about stopped subscriptions, for a snapshot to be restored into. */
    static Engine engineFor(RuleSet rules, SeatWatch seats) {
        return EngineAssembly.create(new ActiveRules(rules), seats);
    }

    /** A shard restored from a snapshot's state; its rules are re-activated from {@code lastActivation}. */
    static ShardEngine restored(int shard, int shards, Engine engine, SeatWatch seats, String lastActivation,
                                long nextOffset) {
        if (lastActivation != null) {
            engine.apply(CommandCodec.decode(lastActivation));
        }
        return new ShardEngine(shard, shards, engine, seats, lastActivation, nextOffset);
    }

    /** Applies the record at {@code offset} ({@code json}: an input's journal JSON) and answers it. */
    public ShardReply apply(long offset, String json, Envelope envelope) {
        return apply(offset, json, envelope, null);
    }

    /**
     * Applies the record at {@code offset}, a follow handed over by the sequencer with {@code grant}
     * (null: any other record), and keeps its seat report for {@link #takeSeatReport}.
     */
    public ShardReply apply(long offset, String json, Envelope envelope,
                            SeatRecords.Grant grant) {
        ShardReply reply = applyRecord(offset, json, envelope, grant);
        seatReport = seats.after(shard, offset, engine.ledger(), grant);
        return reply;
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
        if (command instanceof Follow f) {
            seats.following(f, grant);
        }
        try {
            Result reply = engine.apply(quota(command), sender);
            if (command instanceof ActivateRules && reply.changed()) {
                lastActivation = json;
            }
            return new ShardReply(envelope.requestId(), shard, envelope.parts(), ResultStatus.of(reply), ApiJson.tree(reply), null);
        } catch (Refusal e) {
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), e.code(), e.errorCode(),
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("shard {} offset {}: input refused by an internal error", shard, offset, e);
            return ShardReply.refused(envelope.requestId(), shard, envelope.parts(), RefusalCode.INTERNAL_ERROR,
                    "INTERNAL_ERROR", String.valueOf(e));
        }
    }

    /** TOKEN_LIMIT across shards: each shard gets an equal share of the instrument's limit (rounded down). */
    private Command quota(Command c) {
        if (c instanceof PutInstrument i && i.followNotionalLimit() != null && shards > 1) {
            BigDecimal share = i.followNotionalLimit().divide(BigDecimal.valueOf(shards), 8, RoundingMode.DOWN);
            return new PutInstrument(i.symbol(), i.minQty(), i.qtyStep(), i.maxLeverage(), i.takerFeeRate(),
                    i.maintenanceMarginRate(), share);
        }
        return c;
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

    /** The engine, for snapshots and for reading state between records. */
    public Engine engine() {
        return engine;
    }
}
