package com.copyguard.durability.snapshot;

import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import com.copyguard.core.engine.DecisionLogState;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.RiskActionRecord;
import com.copyguard.core.engine.RiskLogState;
import java.io.IOException;

/** The decision log and the risk log: counts since the start and the records kept, oldest first. */
final class LogMapping {
    private LogMapping() {
    }

    static void writeDecisions(StateOutput out, DecisionLogState s) throws IOException {
        out.start();
        out.number(s.total());
        out.list(s.kept(), LogMapping::decision);
        out.end();
    }

    static DecisionLogState readDecisions(StateInput in) throws IOException {
        in.start();
        DecisionLogState s = new DecisionLogState(in.number(), in.list(LogMapping::decision));
        in.end();
        return s;
    }

    static void writeRisks(StateOutput out, RiskLogState s) throws IOException {
        out.start();
        out.number(s.total());
        out.list(s.kept(), LogMapping::risk);
        out.end();
    }

    static RiskLogState readRisks(StateInput in) throws IOException {
        in.start();
        RiskLogState s = new RiskLogState(in.number(), in.list(LogMapping::risk));
        in.end();
        return s;
    }

    private static void decision(StateOutput out, DecisionRecord d) throws IOException {
        out.start();
        out.string(d.fillId());
        out.string(d.expertId());
        out.string(d.subscriptionId());
        out.string(d.symbol());
        out.constant(d.action());
        out.constant(d.outcome());
        out.constant(d.reason());
        out.decimal(d.qty());
        out.decimal(d.price());
        out.decimal(d.margin());
        out.nullableNumber(d.leverage());
        out.string(d.ruleSet());
        out.strings(d.rulesFired());
        out.map(d.explanation(), StateOutput::string);
        out.number(d.time());
        SenderMapping.write(out, d.fillSentBy());
        out.end();
    }

    private static DecisionRecord decision(StateInput in) throws IOException {
        in.start();
        DecisionRecord d = new DecisionRecord(in.string(), in.string(), in.string(), in.string(),
                in.constant(FillAction.class), in.constant(Outcome.class), in.constant(ReasonCode.class), in.decimal(),
                in.decimal(), in.decimal(), in.nullableInt(), in.string(), unmodifiable(in.strings()),
                in.map(StateInput::string), in.number(), SenderMapping.read(in));
        in.end();
        return d;
    }

    private static void risk(StateOutput out, RiskActionRecord r) throws IOException {
        out.start();
        out.string(r.subscriptionId());
        out.string(r.accountId());
        out.string(r.symbol());
        out.constant(r.side());
        out.string(r.action());
        out.constant(r.reason());
        out.decimal(r.qty());
        out.decimal(r.price());
        out.decimal(r.realizedPnl());
        out.string(r.ruleSet());
        out.strings(r.rulesFired());
        out.map(r.explanation(), StateOutput::string);
        out.number(r.time());
        out.string(r.ref());
        SenderMapping.write(out, r.requestedBy());
        out.end();
    }

    private static RiskActionRecord risk(StateInput in) throws IOException {
        in.start();
        RiskActionRecord r = new RiskActionRecord(in.string(), in.string(), in.string(), in.constant(Side.class),
                in.string(), in.constant(ReasonCode.class), in.decimal(), in.decimal(), in.decimal(), in.string(),
                unmodifiable(in.strings()), in.map(StateInput::string), in.number(), in.string(),
                SenderMapping.read(in));
        in.end();
        return r;
    }

    /** Fired-rule lists are read-only views in the live records too. */
    private static java.util.List<String> unmodifiable(java.util.List<String> list) {
        return list == null ? null : java.util.Collections.unmodifiableList(list);
    }
}
