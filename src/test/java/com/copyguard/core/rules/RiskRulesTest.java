package com.copyguard.core.rules;

import static com.copyguard.core.rules.Facts.BTC;
import static com.copyguard.core.rules.Facts.d;
import static com.copyguard.core.rules.Facts.follower;
import static com.copyguard.core.rules.Facts.open;
import static com.copyguard.core.rules.Facts.openAfter;
import static com.copyguard.core.rules.Facts.openCopy;
import static com.copyguard.core.rules.Facts.openShort;
import static com.copyguard.core.rules.Facts.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.model.GuardianSetting;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.rules.facts.AccountRisk;
import com.copyguard.core.rules.facts.DailyCheck;
import com.copyguard.core.rules.facts.OpenCopy;
import com.copyguard.core.rules.facts.PositionRisk;
import com.copyguard.core.rules.facts.SubscriptionRisk;
import com.copyguard.core.rules.facts.TokenBudget;
import com.copyguard.core.rules.facts.WithdrawalCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** rules/v1's rejections, risk actions and money rules at SPEC.md's exact thresholds. */
class RiskRulesTest {
    private static RuleSet v1;

    @BeforeAll
    static void compile() throws RuleCompilationException {
        v1 = RuleSetLoader.loadFolder(Path.of("rules/v1"));
    }

    private static <T> T decide(T fact) {
        RuleEvaluator.evaluate(v1, List.of(fact));
        return fact;
    }

    private static void assertCopied(OpenCopy c) {
        assertThat(c.getOutcome()).as("fired %s", c.getFiredRules()).isEqualTo(Outcome.COPIED);
    }

    private static void assertRejected(OpenCopy c, ReasonCode reason) {
        assertThat(c.getOutcome()).as("fired %s", c.getFiredRules()).isEqualTo(Outcome.REJECTED);
        assertThat(c.getReason()).isEqualTo(reason);
    }

    @Nested
    @DisplayName("SLIPPAGE_EXCEEDED: adverse only, strictly above maxSlippage (default 0.005)")
    class Slippage {
        @Test
        void longAboveLimitRejectedWithTheComparedValues() {
            OpenCopy c = decide(openCopy(open("1", "100", 10, "1000"), BTC, follower(), "100.51"));
            assertRejected(c, ReasonCode.SLIPPAGE_EXCEEDED);
            assertThat(c.getExplanation()).containsEntry("slippage", "0.0051").containsEntry("maxSlippage", "0.005");
        }

        @Test
        void longExactlyAtLimitCopied() {
            assertCopied(decide(openCopy(open("1", "100", 10, "1000"), BTC, follower(), "100.5")));
        }

        @Test
        void shortAdverseIsAFallingMark() {
            assertRejected(decide(openCopy(openShort("1", "100"), BTC, follower(), "99.49")), ReasonCode.SLIPPAGE_EXCEEDED);
            assertCopied(decide(openCopy(openShort("1", "100"), BTC, follower(), "99.5")));
        }

        @Test
        void favourableSlippageIsAlwaysCopied() {
            assertCopied(decide(openCopy(open("1", "100", 10, "1000"), BTC, follower(), "90")));
            assertCopied(decide(openCopy(openShort("1", "100"), BTC, follower(), "110")));
        }

        @Test
        void subscriptionLimitApplies() {
            assertRejected(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"maxSlippage\":\"0.001\"}"), "100.2")), ReasonCode.SLIPPAGE_EXCEEDED);
            assertCopied(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"maxSlippage\":\"0.03\"}"), "103")));
        }
    }

    @Nested
    @DisplayName("PAIR_NOT_FOLLOWED")
    class Pairs {
        @Test
        void symbolOutsideThePairsList() {
            assertRejected(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"pairs\":[\"ETHUSDT\"]}"), "100")), ReasonCode.PAIR_NOT_FOLLOWED);
            assertCopied(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"pairs\":[\"ETHUSDT\",\"BTCUSDT\"]}"), "100")));
        }

        @Test
        void newPairsOnlyWhenAutoFollowIsOn() {
            assertRejected(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"autoFollowNewPairs\":false}").tradedBeforeFollow(false), "100")),
                    ReasonCode.PAIR_NOT_FOLLOWED);
            assertCopied(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"autoFollowNewPairs\":false}").tradedBeforeFollow(true), "100")));
            assertCopied(decide(openCopy(open("1", "100", 10, "1000"), BTC, follower().tradedBeforeFollow(false), "100")));
        }
    }

    @Nested
    @DisplayName("EXPERT_FREQUENCY_LIMIT: one opening per 3,000 ms")
    class Frequency {
        @Test
        void insideTheWindowRejected() {
            assertRejected(decide(openCopy(openAfter(2999, "LONG"), BTC, follower(), "100")),
                    ReasonCode.EXPERT_FREQUENCY_LIMIT);
        }

        @Test
        void atTheWindowCopied() {
            assertCopied(decide(openCopy(openAfter(3000, "LONG"), BTC, follower(), "100")));
        }
    }

    @Nested
    @DisplayName("TOKEN_LIMIT: following notional per expert and symbol")
    class Token {
        @Test
        void copiesConsumeTheBudgetUntilItIsExhausted() {
            // each copy is 1 @ 100 = 100 notional; 900 used of 1,100 leaves room for two
            OpenCopy a = openCopy(open("1", "100", 10, "1000"), BTC, follower(), "100");
            OpenCopy b = openCopy(open("1", "100", 10, "1000"), BTC, follower(), "100");
            OpenCopy c = openCopy(open("1", "100", 10, "1000"), BTC, follower(), "100");
            TokenBudget budget = new TokenBudget("E1", "BTCUSDT", d("1100"), d("900"));
            RuleEvaluator.evaluate(v1, List.of(a, b, c, budget));
            assertThat(List.of(a, b, c)).filteredOn(x -> x.getOutcome() == Outcome.COPIED).hasSize(2);
            assertThat(List.of(a, b, c)).filteredOn(x -> x.getReason() == ReasonCode.TOKEN_LIMIT).hasSize(1);
            assertThat(budget.getUsed()).isEqualByComparingTo("1100");
        }
    }

    @Nested
    @DisplayName("NOT_ACTIVE")
    class NotActive {
        @Test
        void closingAndInterruptedOpenNothing() {
            assertRejected(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().status(SubscriptionStatus.CLOSING), "100")), ReasonCode.NOT_ACTIVE);
            assertRejected(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().status(SubscriptionStatus.INTERRUPTED), "100")), ReasonCode.NOT_ACTIVE);
        }
    }

    private static PositionRisk position(String mark, String margin, MarginMode mode, String settingsJson) {
        // long 1 @ 100
        return new PositionRisk("S1", "BTCUSDT", Side.LONG, d("1"), d("100"), d(mark), d(margin), mode, d("0.005"),
                settings(settingsJson));
    }

    @Nested
    @DisplayName("STOP_LOSS and TAKE_PROFIT on ROE = uPnL / margin, strictly beyond the ratio")
    class Stops {
        @Test
        void stopLoss() {
            // margin 10: mark 95 → ROE −0.5 exactly; 94.99 → −0.501
            assertThat(decide(position("95", "10", MarginMode.CROSS, "{\"stopLossRatio\":\"0.5\"}")).getCloseReason()).isNull();
            PositionRisk p = decide(position("94.99", "10", MarginMode.CROSS, "{\"stopLossRatio\":\"0.5\"}"));
            assertThat(p.getCloseReason()).isEqualTo(ReasonCode.STOP_LOSS);
            assertThat(p.getExplanation()).containsEntry("roe", "-0.501").containsEntry("stopLossRatio", "0.5");
        }

        @Test
        void takeProfit() {
            assertThat(decide(position("120", "10", MarginMode.CROSS, "{\"takeProfitRatio\":\"2\"}")).getCloseReason()).isNull();
            assertThat(decide(position("120.01", "10", MarginMode.CROSS, "{\"takeProfitRatio\":\"2\"}")).getCloseReason())
                    .isEqualTo(ReasonCode.TAKE_PROFIT);
        }

        @Test
        void noRatiosNoAction() {
            assertThat(decide(position("1", "10", MarginMode.CROSS, "{}")).getCloseReason()).isNull();
        }
    }

    @Nested
    @DisplayName("LIQUIDATION")
    class Liquidation {
        @Test
        void isolatedWhenLossReachesMarginMinusMaintenance() {
            // margin 10; at mark 90.45: loss 9.55, maintenance 90.45 × 0.005 = 0.45225 → 10 − 0.45225 = 9.54775 ≤ 9.55
            assertThat(decide(position("90.45", "10", MarginMode.ISOLATED, "{}")).getCloseReason())
                    .isEqualTo(ReasonCode.LIQUIDATION);
            // at mark 90.46: loss 9.54, threshold 9.5477 → not yet
            assertThat(decide(position("90.46", "10", MarginMode.ISOLATED, "{}")).getCloseReason()).isNull();
            // a cross position is not liquidated on its own margin
            assertThat(decide(position("90.45", "10", MarginMode.CROSS, "{}")).getCloseReason()).isNull();
        }

        @Test
        void liquidationTakesPrecedenceOverStopLoss() {
            PositionRisk p = decide(position("90", "10", MarginMode.ISOLATED, "{\"stopLossRatio\":\"0.1\"}"));
            assertThat(p.getCloseReason()).isEqualTo(ReasonCode.LIQUIDATION);
        }

        @Test
        void crossAccountBelowMaintenance() {
            assertThat(decide(new AccountRisk("A1", d("4.99"), d("5"), 1)).getLiquidateReason()).isEqualTo(ReasonCode.LIQUIDATION);
            assertThat(decide(new AccountRisk("A1", d("5"), d("5"), 1)).getLiquidateReason()).isNull();
            assertThat(decide(new AccountRisk("A1", d("-1"), d("0"), 0)).getLiquidateReason()).isNull();
        }
    }

    @Nested
    @DisplayName("Net Value Guardian")
    class Guardian {
        @Test
        void netLossReached() {
            GuardianSetting g = new GuardianSetting(d("100"), null);
            assertThat(decide(new SubscriptionRisk("S1", d("1000"), d("900"), g)).getStopReason())
                    .isEqualTo(ReasonCode.GUARDIAN_NET_LOSS);
            assertThat(decide(new SubscriptionRisk("S1", d("1000"), d("900.01"), g)).getStopReason()).isNull();
        }

        @Test
        void netValueTooLow() {
            GuardianSetting g = new GuardianSetting(null, d("500"));
            assertThat(decide(new SubscriptionRisk("S1", d("1000"), d("499.99"), g)).getStopReason())
                    .isEqualTo(ReasonCode.GUARDIAN_NET_VALUE);
            assertThat(decide(new SubscriptionRisk("S1", d("1000"), d("500"), g)).getStopReason()).isNull();
        }
    }

    @Nested
    @DisplayName("profit-share freeze on withdrawal: pending > 30 % of remaining assets")
    class Freeze {
        @Test
        void freezesPendingAboveThirtyPercent() {
            // remaining 100 → threshold 30
            WithdrawalCheck w = decide(new WithdrawalCheck("A1", d("900"), d("30.01"), d("0"), d("1000")));
            assertThat(w.getFreezeAdded()).isEqualByComparingTo("30.01");
            WithdrawalCheck at = decide(new WithdrawalCheck("A1", d("900"), d("30"), d("0"), d("1000")));
            assertThat(at.getFreezeAdded()).isEqualByComparingTo("0");
        }

        @Test
        void repeatedWithdrawalFreezesOnlyTheDifference() {
            assertThat(decide(new WithdrawalCheck("A1", d("900"), d("50"), d("40"), d("1000"))).getFreezeAdded())
                    .isEqualByComparingTo("10");
            assertThat(decide(new WithdrawalCheck("A1", d("900"), d("50"), d("50"), d("1000"))).getFreezeAdded())
                    .isEqualByComparingTo("0");
        }
    }

    @Nested
    @DisplayName("daily check")
    class Daily {
        @Test
        void settlesAndRefundsOnlyWithoutOpenPositions() {
            assertThat(decide(new DailyCheck("A1", false, d("100"), d("10"), d("10"))).getSettle()).isTrue();
            assertThat(decide(new DailyCheck("A1", true, d("100"), d("10"), d("10"))).getSettle()).isFalse();
        }

        @Test
        void loanInterestOnANegativeBalance() {
            assertThat(decide(new DailyCheck("A1", true, d("-500"), d("0"), d("0"))).getInterest()).isEqualByComparingTo("0.25");
            assertThat(decide(new DailyCheck("A1", true, d("0"), d("0"), d("0"))).getInterest()).isNull();
        }
    }

    @Test
    void everyRuleSetDecisionNamesItsRules() {
        Instrument i = BTC;
        OpenCopy c = decide(openCopy(open("1", "100", 10, "1000"), i, follower(), "100"));
        assertThat(c.getFiredRules()).isNotEmpty().contains("Copy accepted");
    }
}
