package com.copyguard.cluster.shard;

import com.copyguard.cluster.DeskKey;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The marks of a shard's decisions and risk actions ({@link DeskKey}): the newest market-wide
 * input's {@code cg.seq} offset, as the sequencer stamps it on the records it forwards, given to
 * every record made from then until the next. Not engine state (the single node has no market
 * offsets): kept beside the shard's snapshots in its own file, so a recovered shard gives every
 * record the mark it had.
 */
final class DeskMarks {
    private long mark = DeskKey.NO_MARK;
    private final MarkRuns decisions;
    private final MarkRuns riskActions;
    private long decisionsBefore;
    private long riskActionsBefore;

    DeskMarks() {
        this(DeskKey.NO_MARK, new MarkRuns(), new MarkRuns());
    }

    private DeskMarks(long mark, MarkRuns decisions, MarkRuns riskActions) {
        this.mark = mark;
        this.decisions = decisions;
        this.riskActions = riskActions;
    }

    /** Before a record is applied: {@code seq} its cg.seq offset (null: not a market-wide input). */
    void before(Engine engine, Long seq) {
        if (seq != null && seq > mark) {
            mark = seq;
        }
        decisionsBefore = engine.decisions().size();
        riskActionsBefore = engine.riskLog().size();
    }

    /** After it: what it added to either log gets the mark. */
    void after(Engine engine) {
        decisions.added(decisionsBefore, engine.decisions().size(), mark);
        decisions.keepFrom(engine.decisions().oldestKept());
        riskActions.added(riskActionsBefore, engine.riskLog().size(), mark);
        riskActions.keepFrom(engine.riskLog().oldestKept());
    }

    /** The runs of list {@code operationId} (getDecisions or getRiskActions). */
    MarkRuns of(String operationId) {
        return switch (operationId) {
            case "getDecisions" -> decisions;
            case "getRiskActions" -> riskActions;
            default -> throw new IllegalArgumentException("not a desk-wide list: " + operationId);
        };
    }

    String toJson() {
        ObjectNode n = Json.object();
        n.put("format", 1).put("mark", mark);
        n.set("decisions", decisions.json());
        n.set("riskActions", riskActions.json());
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DeskMarks fromJson(String json) throws IOException {
        JsonNode n = Json.MAPPER.readTree(json);
        if (n == null || n.path("format").asInt() != 1 || !n.path("mark").canConvertToLong()
                || !n.path("decisions").isArray() || !n.path("riskActions").isArray()) {
            throw new IOException("not a desk marks file");
        }
        return new DeskMarks(n.get("mark").asLong(), MarkRuns.fromJson(n.get("decisions")),
                MarkRuns.fromJson(n.get("riskActions")));
    }
}
