package com.copyguard.screening;

import com.copyguard.command.ApiException;
import com.copyguard.engine.Engine;
import com.copyguard.engine.Reply;
import com.copyguard.engine.CursorPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Read-only screening answers; like every query they run on the writer thread. */
public final class ScreeningQueries {
    private ScreeningQueries() {
    }

    public static Reply screening(Engine e, String expertId) {
        return Reply.unchanged(ScreeningViews.screening(e.screening().screen(expertId, e.ledger(), e.rules().get())));
    }

    /** The experts' screening summaries, filtered and ranked as {@code board} says. */
    public static Reply experts(Engine e, Leaderboard board) {
        return Reply.unchanged(board.rank(e.screening().screenAll(e.ledger(), e.rules().get())));
    }

    /** GET /experts/{id}/trades: the expert's closed positions, newest first, one page. */
    public static Reply trades(Engine e, String expertId, CursorPage page) {
        if (e.ledger().expert(expertId) == null) {
            throw ApiException.notFound("expert", expertId);
        }
        ExpertHistory h = e.screening().history(expertId);
        List<ExpertTrade> newestFirst = new ArrayList<>(h == null ? List.of() : h.trades());
        Collections.reverse(newestFirst);
        return Reply.unchanged(page.page(newestFirst, ExpertTrade::seq, ScreeningViews::trade));
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
