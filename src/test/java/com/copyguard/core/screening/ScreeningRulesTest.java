package com.copyguard.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The thresholds of rules/v1/screening.drl, checked at and around each limit on hand-made facts. */
class ScreeningRulesTest {
    private static final long DAY0 = 20_000;
    private static RuleSet rules;

    @BeforeAll
    static void compile() throws Exception {
        rules = RuleSetLoader.loadFolder(Path.of("rules/v1"));
    }

    /** Facts for a steady +50 % curve of {@code days} days, with overridable figures. */
    private static ScreeningFacts facts(DailySeries series, String maxDrawdown, boolean majorsOnly,
                                        String followersPnl, int followers) {
        ScreeningMetrics m = MetricsCalculator.compute(series, new BigDecimal(maxDrawdown), BigDecimal.ZERO, 0, 0,
                majorsOnly ? Set.of("BTCUSDT") : Set.of("SOLUSDT"),
                new FollowerResults(new BigDecimal(followersPnl), followers, followers));
        return new ScreeningFacts("X", m, series);
    }

    private static ScreeningFacts steady(int days) {
        return facts(Curves.from(1000).to(1.5, days - 1).series(DAY0), "0.01", false, "0", 0);
    }

    private static ScreeningFacts run(ScreeningFacts f) {
        RuleEvaluator.evaluate(rules, List.of(f));
        return f;
    }

    private static List<FlagCode> codes(ScreeningFacts f) {
        return f.getFlags().stream().map(ScreeningFlag::code).toList();
    }

    @Test
    void newbieBelow30TradingDaysUnprovenBelow60() {
        assertThat(codes(run(steady(29)))).containsExactly(FlagCode.NEWBIE);
        assertThat(codes(run(steady(30)))).containsExactly(FlagCode.UNPROVEN);
        assertThat(codes(run(steady(59)))).containsExactly(FlagCode.UNPROVEN);
        ScreeningFacts sixty = run(steady(60));
        assertThat(codes(sixty)).isEmpty();
        assertThat(sixty.getVerdict()).isEqualTo(Verdict.RECOMMENDED);
        assertThat(run(steady(29)).getVerdict()).isEqualTo(Verdict.CAUTION);
    }

    @Test
    void deepDrawdownLimitIs30PercentForMajorsOnlyAnd50Otherwise() {
        DailySeries s = Curves.from(1000).to(1.5, 89).series(DAY0);
        assertThat(codes(run(facts(s, "0.30", true, "0", 0)))).isEmpty();
        assertThat(codes(run(facts(s, "0.3001", true, "0", 0)))).containsExactly(FlagCode.DEEP_DRAWDOWN);
        assertThat(codes(run(facts(s, "0.45", false, "0", 0)))).isEmpty();
        assertThat(codes(run(facts(s, "0.50", false, "0", 0)))).isEmpty();
        ScreeningFacts deep = run(facts(s, "0.5001", false, "0", 0));
        assertThat(codes(deep)).containsExactly(FlagCode.DEEP_DRAWDOWN);
        assertThat(deep.getVerdict()).isEqualTo(Verdict.AVOID);
        assertThat(deep.getFlags().get(0).detail()).contains("50.0 %").contains("limit 50 %");
    }

    @Test
    void followersLosingOnlyWhileTheExpertWins() {
        DailySeries winning = Curves.from(1000).to(1.2, 89).series(DAY0);
        assertThat(codes(run(facts(winning, "0.01", false, "-0.01", 1)))).containsExactly(FlagCode.FOLLOWERS_LOSING);
        assertThat(codes(run(facts(winning, "0.01", false, "0", 1)))).isEmpty();
        assertThat(codes(run(facts(winning, "0.01", false, "-5", 0)))).isEmpty();
        DailySeries losing = Curves.from(1000).to(0.9, 89).series(DAY0);
        ScreeningFacts both = run(facts(losing, "0.12", false, "-5", 2));
        assertThat(codes(both)).containsExactly(FlagCode.NOT_PROFITABLE);
        assertThat(both.getVerdict()).isEqualTo(Verdict.CAUTION);
    }

    @Test
    void freefallNeedsADropOf20PercentWithin7DaysAfterASteadyClimb() {
        // climb +50 % over 60 days, then a drop of exactly 20 % / just above it over 5 days
        DailySeries at20 = Curves.from(1000).noWiggle().to(1.5, 60).to(0.80, 5).flat(24).series(DAY0);
        DailySeries above = Curves.from(1000).noWiggle().to(1.5, 60).to(0.79, 5).flat(24).series(DAY0);
        DailySeries slow = Curves.from(1000).noWiggle().to(1.5, 60).to(0.79, 20).flat(9).series(DAY0);
        DailySeries choppyClimb = Curves.from(1000).noWiggle().to(1.3, 20).to(0.88, 5).to(1.35, 35)
                .to(0.79, 5).flat(24).series(DAY0);
        assertThat(codes(run(facts(at20, "0.2", false, "0", 0)))).contains(FlagCode.FREEFALL);
        assertThat(codes(run(facts(above, "0.21", false, "0", 0)))).contains(FlagCode.FREEFALL);
        assertThat(codes(run(facts(slow, "0.21", false, "0", 0)))).doesNotContain(FlagCode.FREEFALL);
        assertThat(codes(run(facts(choppyClimb, "0.21", false, "0", 0)))).doesNotContain(FlagCode.FREEFALL);
        DailySeries tooShortClimb = Curves.from(1000).noWiggle().to(1.3, 10).to(0.75, 5).to(1.5, 74).series(DAY0);
        assertThat(codes(run(facts(tooShortClimb, "0.25", false, "0", 0)))).doesNotContain(FlagCode.FREEFALL);
    }

    @Test
    void roundedTopNeeds30PercentEarlyAndAtMost1PercentInTheLast21Days() {
        DailySeries flatTop = Curves.from(1000).noWiggle().to(1.5, 68).flat(21).series(DAY0);
        DailySeries stillRising = Curves.from(1000).noWiggle().to(1.5, 68).to(1.02, 21).series(DAY0);
        DailySeries weakStart = Curves.from(1000).noWiggle().to(1.28, 68).flat(21).series(DAY0);
        assertThat(codes(run(facts(flatTop, "0", false, "0", 0)))).containsExactly(FlagCode.ROUNDED_TOP);
        assertThat(codes(run(facts(stillRising, "0", false, "0", 0)))).isEmpty();
        assertThat(codes(run(facts(weakStart, "0", false, "0", 0)))).isEmpty();
        assertThat(run(facts(flatTop, "0", false, "0", 0)).getVerdict()).isEqualTo(Verdict.CAUTION);
    }

    @Test
    void heartMonitorNeedsThreeDaysOf8PercentEachWay() {
        DailySeries three = Curves.from(1000).noWiggle().to(1.2, 70).swings(0.0801, 0.0801, 3).flat(13).series(DAY0);
        DailySeries two = Curves.from(1000).noWiggle().to(1.2, 70).swings(0.0801, 0.0801, 2).flat(15).series(DAY0);
        DailySeries smaller = Curves.from(1000).noWiggle().to(1.2, 70).swings(0.079, 0.079, 5).flat(9).series(DAY0);
        assertThat(codes(run(facts(three, "0.08", false, "0", 0)))).containsExactly(FlagCode.HEART_MONITOR);
        assertThat(codes(run(facts(two, "0.08", false, "0", 0)))).isEmpty();
        assertThat(codes(run(facts(smaller, "0.08", false, "0", 0)))).isEmpty();
    }

    @Test
    void everyFactGetsAVerdictAndFlagsNameTheirRule() {
        ScreeningFacts f = run(facts(Curves.from(1000).to(0.4, 20).series(DAY0), "0.6", false, "-1", 1));
        assertThat(codes(f)).containsExactlyInAnyOrder(FlagCode.NEWBIE, FlagCode.DEEP_DRAWDOWN, FlagCode.NOT_PROFITABLE);
        assertThat(f.getVerdict()).isEqualTo(Verdict.AVOID);
        assertThat(f.getVerdictRule()).startsWith("Screening verdict: AVOID");
        assertThat(f.getFlags()).allSatisfy(flag -> assertThat(flag.rule()).startsWith("Screening: " + flag.code()));
    }
}
