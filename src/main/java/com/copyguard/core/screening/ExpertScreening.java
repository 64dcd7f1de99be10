package com.copyguard.core.screening;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.ExpertEquityReport;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.engine.AppliedCommand;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.ScreeningPort;
import com.copyguard.core.engine.ScreeningState;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.MarketPrices;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.refusal.RuleFailure;
import com.copyguard.core.rules.RuleSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expert screening state and decisions, built into the engine ({@link EngineAssembly}) and used only
 * on the writer thread. It listens to the inputs the engine applied (fills, prices, expert updates)
 * to keep every expert's history, takes equity reports, and screens experts with the active rule set.
 */
public final class ExpertScreening implements ScreeningPort {
    private static final Logger LOG = LoggerFactory.getLogger(ExpertScreening.class);
    private final Map<String, ExpertHistory> histories = new LinkedHashMap<>();
    /** The followers' results the other shards of a cluster hold, for the follow being applied (null: none). */
    private FollowerResults.Source followersElsewhere;

    /** The screening an engine was built with. */
    public static ExpertScreening of(Engine engine) {
        return engine.listener(ExpertScreening.class);
    }

    @Override
    public ExpertScreeningState state() {
        List<ExpertHistoryState> out = new ArrayList<>(histories.size());
        histories.values().forEach(h -> out.add(h.state()));
        return new ExpertScreeningState(out);
    }

    @Override
    public void restore(ScreeningState state) {
        histories.clear();
        for (ExpertHistoryState h : ((ExpertScreeningState) state).histories()) {
            histories.put(h.expertId(), ExpertHistory.restore(h));
        }
    }

    /**
     * Updates the histories after the engine applied an input (only inputs that changed state). The
     * input is already applied to the ledger, so a defect here must not fail it: that would leave an
     * applied but unjournaled input. It is logged and the history misses the input.
     */
    @Override
    public void applied(AppliedCommand applied) {
        try {
            record(applied);
        } catch (RuntimeException e) {
            LOG.error("{\"event\":\"screening_history_failed\",\"input\":\"{}\"}",
                    applied.command().getClass().getSimpleName(), e);
        }
    }

    private void record(AppliedCommand applied) {
        if (applied.command() instanceof ExpertFill f) {
            fill(f, applied.prices());
        } else if (applied.command() instanceof PriceTick p) {
            prices(p, applied.prices());
        } else if (applied.command() instanceof PutExpert e && e.equity() != null) {
            ExpertHistory h = historyFor(e.expertId());
            h.reanchor(e.equity(), applied.prices());
            if (applied.clock() > 0) {
                // PUT /experts carries no event time: the latest event time stands in for it.
                h.observe(applied.clock(), e.equity(), BigDecimal.ZERO);
            }
        }
    }

    private void fill(ExpertFill f, MarketPrices prices) {
        ExpertHistory h = historyFor(f.expertId());
        if (!h.fill(f.fillId(), f.symbol(), f.action().side(), f.action().isOpening(), f.qty(), f.price(), f.time())) {
            return;
        }
        if (f.expertEquity() != null) {
            h.reanchor(f.expertEquity(), prices);
        }
        BigDecimal equity = h.derivedEquity(prices);
        if (equity != null) {
            h.observe(f.time(), equity, BigDecimal.ZERO);
        }
    }

    private void prices(PriceTick p, MarketPrices marks) {
        Set<String> symbols = new HashSet<>();
        p.prices().forEach(sp -> symbols.add(sp.symbol()));
        for (ExpertHistory h : histories.values()) {
            if (h.holdsAny(symbols)) {
                BigDecimal equity = h.derivedEquity(marks);
                if (equity != null) {
                    h.observe(p.time(), equity, BigDecimal.ZERO);
                }
            }
        }
    }

    /** POST /experts/{id}/equity: the expert's equity at an event time, with any transfer just before it. */
    @Override
    public EquityReported reportEquity(ExpertEquityReport r, Ledger ledger) {
        Expert expert = ledger.expert(r.expertId());
        if (expert == null) {
            throw InputRefused.notFound("expert", r.expertId());
        }
        ExpertHistory h = historyFor(r.expertId());
        Long last = h.lastObservationTime();
        if (last != null && r.time() < last) {
            throw new InputRefused(RefusalCode.EQUITY_OUT_OF_ORDER, "expert " + r.expertId() + " already has equity observed at "
                    + last + "; reports must not go back in time (got " + r.time() + ")");
        }
        BigDecimal transfer = r.transfer() == null ? BigDecimal.ZERO : r.transfer();
        h.reanchor(r.equity(), ledger.prices());
        h.observe(r.time(), r.equity(), transfer);
        // The newest report is the expert's current equity, which SMART_RATIO sizing uses.
        ledger.upsertExpert(r.expertId(), null, null, r.equity());
        return new EquityReported(r.expertId(), TradingDay.iso(TradingDay.of(h.lastObservationTime())), r.equity(),
                transfer, ScreeningViews.ratio(h.index()), h.days().size());
    }

    /**
     * The expert's followers' results on the other shards of a cluster, added to this ledger's when a
     * follow is checked, until the next call (null: none, as on a single node). A shard sets it around
     * one follow, from what the other shards reported at the follow's place in the market order.
     */
    public void followersElsewhere(FollowerResults.Source elsewhere) {
        this.followersElsewhere = elsewhere;
    }

    /** Refuses a follow that asked not to follow AVOID experts when the expert's verdict is AVOID. */
    @Override
    public void checkFollow(Follow f, Ledger ledger, RuleSet rules) {
        if (!f.refuseAvoidExperts() || ledger.expert(f.expertId()) == null) {
            return;
        }
        FollowerResults.Source elsewhere = followersElsewhere;
        Screening s = elsewhere == null ? screen(f.expertId(), ledger, rules)
                : screen(f.expertId(), ledger, rules, (e, l) -> FollowerResults.of(e, l).plus(elsewhere.of(e, l)));
        if (s.verdict() == Verdict.AVOID) {
            List<String> codes = new ArrayList<>();
            s.flags().forEach(flag -> codes.add(flag.code().name()));
            throw new InputRefused(RefusalCode.EXPERT_AVOID, "expert " + f.expertId() + " is screened AVOID by rule set "
                    + s.ruleSet() + " (" + String.join(", ", codes) + ") and the follow asked to refuse such experts");
        }
    }

    public Screening screen(String expertId, Ledger ledger, RuleSet rules) {
        return screen(expertId, ledger, rules, FollowerResults.LOCAL);
    }

    /** As above, with the expert's follower results taken from {@code followers} (the cluster: summed over shards). */
    public Screening screen(String expertId, Ledger ledger, RuleSet rules, FollowerResults.Source followers) {
        Expert expert = ledger.expert(expertId);
        if (expert == null) {
            throw InputRefused.notFound("expert", expertId);
        }
        return evaluate(List.of(facts(expert, ledger, followers)), rules).get(0);
    }

    /** Every expert, in the ledger's order, screened in one rule session. */
    public List<Screening> screenAll(Ledger ledger, RuleSet rules) {
        return screenAll(ledger, rules, FollowerResults.LOCAL);
    }

    /** As above, with every expert's follower results taken from {@code followers}. */
    public List<Screening> screenAll(Ledger ledger, RuleSet rules, FollowerResults.Source followers) {
        List<ScreeningFacts> facts = new ArrayList<>();
        for (Expert e : ledger.experts()) {
            facts.add(facts(e, ledger, followers));
        }
        return evaluate(facts, rules);
    }

    public ExpertHistory history(String expertId) {
        return histories.get(expertId);
    }

    private ScreeningFacts facts(Expert expert, Ledger ledger, FollowerResults.Source followers) {
        long asOf = TradingDay.of(ledger.clock());
        ExpertHistory h = histories.get(expert.expertId());
        if (h == null) {
            h = new ExpertHistory(expert.expertId());
        }
        DailySeries series = DailySeries.of(h, asOf);
        return new ScreeningFacts(expert.expertId(), MetricsCalculator.of(h, series, followers.of(expert, ledger)),
                series);
    }

    private static List<Screening> evaluate(List<ScreeningFacts> facts, RuleSet rules) {
        RuleEvaluator.evaluate(rules, facts);
        List<Screening> out = new ArrayList<>(facts.size());
        for (ScreeningFacts f : facts) {
            if (f.getVerdict() == null) {
                throw new RuleFailure(RefusalCode.NO_SCREENING_VERDICT, "rule set " + rules.version()
                        + " decided no screening verdict for expert " + f.getExpertId()
                        + "; does it include screening.drl?", null);
            }
            out.add(new Screening(f.getExpertId(), f.metrics(), f.getFlags(), f.getVerdict(), f.getVerdictRule(),
                    rules.version()));
        }
        return out;
    }

    private ExpertHistory historyFor(String expertId) {
        return histories.computeIfAbsent(expertId, ExpertHistory::new);
    }
}
