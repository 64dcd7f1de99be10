package com.copyguard.screening;

import com.copyguard.refusal.InputRefused;
import com.copyguard.engine.Engine;
import com.copyguard.engine.Reply;
import com.copyguard.paging.PageRequest;
import com.copyguard.paging.Pages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Read-only screening answers; like every query they run on the writer thread. */
public final class ScreeningQueries {
    private ScreeningQueries() {
    }

    public static Reply screening(Engine e, String expertId) {
        return Reply.unchanged(ScreeningViews.screening(ExpertScreening.of(e).screen(expertId, e.ledger(), e.rules().get())));
    }

    /** A page of the experts' screening summaries, filtered and ranked as {@code board} says. */
    public static Reply experts(Engine e, Leaderboard board, PageRequest page) {
        List<Screening> ranked = board.rank(ExpertScreening.of(e).screenAll(e.ledger(), e.rules().get()));
        return Reply.unchanged(Pages.walk(ranked, s -> true, page).toJson(ScreeningViews::summary));
    }

    /** GET /experts/{id}/trades: the expert's closed positions, newest first, one page. */
    public static Reply trades(Engine e, String expertId, PageRequest page) {
        if (e.ledger().expert(expertId) == null) {
            throw InputRefused.notFound("expert", expertId);
        }
        ExpertHistory h = ExpertScreening.of(e).history(expertId);
        List<ExpertTrade> newestFirst = new ArrayList<>(h == null ? List.of() : h.trades());
        Collections.reverse(newestFirst);
        return Reply.unchanged(Pages.walk(newestFirst.iterator(), ExpertTrade::seq, t -> true, page)
                .toJson(ScreeningViews::trade));
    }

    public static Reply equityHistory(Engine e, String expertId) {
        if (e.ledger().expert(expertId) == null) {
            throw InputRefused.notFound("expert", expertId);
        }
        return Reply.unchanged(ScreeningViews.history(expertId, ExpertScreening.of(e).history(expertId)));
    }
}
