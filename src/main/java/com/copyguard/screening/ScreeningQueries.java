package com.copyguard.screening;

import com.copyguard.command.ApiException;
import com.copyguard.engine.Engine;
import com.copyguard.engine.Json;
import com.copyguard.engine.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Read-only screening answers; like every query they run on the writer thread. */
public final class ScreeningQueries {
    private ScreeningQueries() {
    }

    public static Reply screening(Engine e, String expertId) {
        return Reply.unchanged(ScreeningViews.screening(e.screening().screen(expertId, e.ledger(), e.rules().get())));
    }

    /** Every expert with its verdict, optionally only those with {@code verdict} (null = all). */
    public static Reply experts(Engine e, Verdict verdict) {
        ArrayNode arr = Json.array();
        for (Screening s : e.screening().screenAll(e.ledger(), e.rules().get())) {
            if (verdict == null || s.verdict() == verdict) {
                arr.add(ScreeningViews.summary(s));
            }
        }
        return Reply.unchanged(arr);
    }

    public static Reply equityHistory(Engine e, String expertId) {
        if (e.ledger().expert(expertId) == null) {
            throw ApiException.notFound("expert", expertId);
        }
        return Reply.unchanged(ScreeningViews.history(expertId, e.screening().history(expertId)));
    }

    /** Parses the verdict query parameter; null or empty means no filter. */
    public static Verdict verdictParam(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Verdict.valueOf(value);
        } catch (IllegalArgumentException ex) {
            throw ApiException.invalid("verdict must be one of RECOMMENDED, CAUTION, AVOID; got '" + value + "'");
        }
    }
}
