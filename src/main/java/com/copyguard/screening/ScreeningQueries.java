package com.copyguard.screening;

import com.copyguard.command.ApiException;
import com.copyguard.engine.Engine;
import com.copyguard.engine.Json;
import com.copyguard.engine.Reply;
import com.copyguard.paging.PageRequest;
import com.copyguard.paging.Pages;
import java.util.List;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Read-only screening answers; like every query they run on the writer thread. */
public final class ScreeningQueries {
    private ScreeningQueries() {
    }

    public static Reply screening(Engine e, String expertId) {
        return Reply.unchanged(ScreeningViews.screening(e.screening().screen(expertId, e.ledger(), e.rules().get())));
    }

    /** A page of the experts, in creation order, with their verdict; only those with {@code verdict} (null = all). */
    public static Reply experts(Engine e, Verdict verdict, PageRequest page) {
        List<Screening> all = e.screening().screenAll(e.ledger(), e.rules().get());
        return Reply.unchanged(Pages.walk(all, s -> verdict == null || s.verdict() == verdict, page)
                .toJson(ScreeningViews::summary));
    }

    public static Reply equityHistory(Engine e, String expertId) {
        if (e.ledger().expert(expertId) == null) {
            throw ApiException.notFound("expert", expertId);
        }
        return Reply.unchanged(ScreeningViews.history(expertId, e.screening().history(expertId)));
    }
}
