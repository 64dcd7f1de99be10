package com.copyguard.core.screening;

import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.paging.Page;
import com.copyguard.core.paging.PageRequest;
import com.copyguard.core.paging.Pages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Read-only screening answers; like every query they run on the writer thread. */
public final class ScreeningQueries {
    private ScreeningQueries() {
    }

    public static ScreeningViews.ScreeningView screening(Engine e, String expertId) {
        return screening(e, expertId, FollowerResults.LOCAL);
    }

    /** GET /experts/{id}/screening with the expert's follower results taken from {@code followers}. */
    public static ScreeningViews.ScreeningView screening(Engine e, String expertId, FollowerResults.Source followers) {
        return ScreeningViews.screening(ExpertScreening.of(e).screen(expertId, e.ledger(), e.rules().get(), followers));
    }

    /** A page of the experts' screening summaries, filtered and ranked as {@code board} says. */
    public static Page<ScreeningViews.Summary> experts(Engine e, Leaderboard board, PageRequest page) {
        return experts(e, board, page, FollowerResults.LOCAL);
    }

    /**
     * As above, every expert's follower results taken from {@code followers}: they decide flags and
     * verdicts, and so the filters and the ranking by followers or followersPnl.
     */
    public static Page<ScreeningViews.Summary> experts(Engine e, Leaderboard board, PageRequest page,
                                                       FollowerResults.Source followers) {
        List<Screening> ranked = board.rank(ExpertScreening.of(e).screenAll(e.ledger(), e.rules().get(), followers));
        return Pages.walk(ranked, s -> true, page).map(ScreeningViews::summary);
    }

    /** GET /experts/{id}/trades: the expert's closed positions, newest first, one page. */
    public static Page<ExpertTrade> trades(Engine e, String expertId, PageRequest page) {
        if (e.ledger().expert(expertId) == null) {
            throw InputRefused.notFound("expert", expertId);
        }
        ExpertHistory h = ExpertScreening.of(e).history(expertId);
        List<ExpertTrade> newestFirst = new ArrayList<>(h == null ? List.of() : h.trades());
        Collections.reverse(newestFirst);
        return Pages.walk(newestFirst.iterator(), ExpertTrade::seq, t -> true, page);
    }

    public static ScreeningViews.EquityHistory equityHistory(Engine e, String expertId) {
        if (e.ledger().expert(expertId) == null) {
            throw InputRefused.notFound("expert", expertId);
        }
        return ScreeningViews.history(expertId, ExpertScreening.of(e).history(expertId));
    }
}
