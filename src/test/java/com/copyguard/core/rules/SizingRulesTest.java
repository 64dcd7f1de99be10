package com.copyguard.core.rules;

import static com.copyguard.core.rules.Facts.BTC;
import static com.copyguard.core.rules.Facts.closeCopy;
import static com.copyguard.core.rules.Facts.follower;
import static com.copyguard.core.rules.Facts.instrument;
import static com.copyguard.core.rules.Facts.open;
import static com.copyguard.core.rules.Facts.openCopy;
import static com.copyguard.core.rules.Facts.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.rules.facts.CloseCopy;
import com.copyguard.core.rules.facts.OpenCopy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs the DRL files of rules/v1 directly, one sizing rule of SPEC.md at a time. */
class SizingRulesTest {
    private static RuleSet v1;

    @BeforeAll
    static void compile() throws RuleCompilationException {
        v1 = RuleSetLoader.loadFolder(Path.of("rules/v1"));
    }

    private static OpenCopy decide(OpenCopy c) {
        RuleEvaluator.evaluate(v1, List.of(c));
        return c;
    }

    private static CloseCopy decide(CloseCopy c) {
        RuleEvaluator.evaluate(v1, List.of(c));
        return c;
    }

    private static void assertQty(OpenCopy c, String qty) {
        assertThat(c.getOutcome()).as("fired %s", c.getFiredRules()).isEqualTo(Outcome.COPIED);
        assertThat(c.getQty()).isEqualByComparingTo(qty);
    }

    @Nested
    @DisplayName("1. only FILLED orders are copied")
    class FillStatusRule {
        @Test
        void partiallyFilledThenCanceledIsNotCopied() {
            OpenCopy c = decide(openCopy(order(true, "1", "100", 10, "1000", "0", FillStatus.PARTIALLY_FILLED_CANCELED),
                    BTC, follower(), "100"));
            assertThat(c.getOutcome()).isEqualTo(Outcome.REJECTED);
            assertThat(c.getReason()).isEqualTo(ReasonCode.PARTIAL_FILL_NOT_COPIED);
            assertThat(c.getFiredRules()).containsExactly("Only FILLED orders are copied");
        }

        @Test
        void filledOrderIsCopied() {
            assertQty(decide(openCopy(open("1", "100", 10, "1000"), BTC, follower(), "100")), "1");
        }
    }

    @Nested
    @DisplayName("2. target quantity by mode")
    class Target {
        @Test
        void smartRatioSpecExample() {
            // expert equity 1,000 opens with 100 margin (qty 10 @ 100, 10x); follower equity 100 puts in 10
            OpenCopy c = decide(openCopy(open("10", "100", 10, "1000"), BTC,
                    follower().mode(FollowMode.SMART_RATIO).equity("100"), "100"));
            assertQty(c, "1");
            assertThat(c.getMargin()).isEqualByComparingTo("10");
            assertThat(c.getFiredRules()).contains("Smart ratio: margin in proportion to equity");
        }

        @Test
        void smartRatioWithOwnLeverageKeepsTheMarginRatio() {
            // expert margin 100 of equity 1000 → follower margin 10 of 100; at 20x that is qty 2
            OpenCopy c = decide(openCopy(open("10", "100", 10, "1000"), BTC,
                    follower().mode(FollowMode.SMART_RATIO).equity("100")
                            .settings("{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}}"), "100"));
            assertQty(c, "2");
            assertThat(c.getMargin()).isEqualByComparingTo("10");
        }

        @Test
        void smartRatioWithoutExpertEquityIsRejected() {
            OpenCopy c = decide(openCopy(open("10", "100", 10, "0"), BTC,
                    follower().mode(FollowMode.SMART_RATIO).equity("100"), "100"));
            assertThat(c.getReason()).isEqualTo(ReasonCode.EXPERT_EQUITY_UNKNOWN);
        }

        @Test
        void fixedMarginIsMarginTimesLeverageOverPrice() {
            OpenCopy c = decide(openCopy(open("1", "50000", 100, "1000"), BTC,
                    follower().mode(FollowMode.FIXED_MARGIN).fixedMargin("20")
                            .settings("{\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}"), "50000"));
            assertQty(c, "0.004");
            assertThat(c.getMargin()).isEqualByComparingTo("20");
        }

        @Test
        void multiplierIsAMultipleOfTheExpertQuantity() {
            assertQty(decide(openCopy(open("2.5", "100", 10, "1000"), BTC, follower().multiplier("0.3"), "100")), "0.75");
        }
    }

    @Nested
    @DisplayName("3. leverage and margin mode")
    class LeverageAndMarginMode {
        @Test
        void followsTheExpertByDefault() {
            OpenCopy c = decide(openCopy(open("1", "100", 17, "1000"), BTC, follower(), "100"));
            assertThat(c.getLeverage()).isEqualTo(17);
            assertThat(c.getMarginMode()).isEqualTo(MarginMode.CROSS);
        }

        @Test
        void fixedLeverageNeverAboveTheInstrumentMaximum() {
            OpenCopy c = decide(openCopy(open("1", "100", 10, "1000"), instrument("0.001", "0.001", 50, "0"),
                    follower().settings("{\"leverage\":{\"mode\":\"FIXED\",\"value\":125}}"), "100"));
            assertThat(c.getLeverage()).isEqualTo(50);
        }

        @Test
        void customLeverageBySymbolAndFallbackToTheExpert() {
            OpenCopy custom = decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"leverage\":{\"mode\":\"CUSTOM\",\"perSymbol\":{\"BTCUSDT\":7}}}"), "100"));
            assertThat(custom.getLeverage()).isEqualTo(7);
            OpenCopy fallback = decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"leverage\":{\"mode\":\"CUSTOM\",\"perSymbol\":{\"ETHUSDT\":7}}}"), "100"));
            assertThat(fallback.getLeverage()).isEqualTo(10);
            assertThat(fallback.getFiredRules()).contains("Custom leverage falls back to the expert's");
        }

        @Test
        void marginModeChoices() {
            assertThat(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"marginMode\":\"ISOLATED\"}"), "100")).getMarginMode()).isEqualTo(MarginMode.ISOLATED);
            assertThat(decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().settings("{\"marginMode\":\"CROSS\"}"), "100")).getMarginMode()).isEqualTo(MarginMode.CROSS);
        }
    }

    @Nested
    @DisplayName("4. caps, in order, shrinking only")
    class Caps {
        @Test
        void maxMarginPerOrderRatioOfTotalAssets() {
            // target 10 @100 at 10x = margin 100; 5 % of 1000 = 50 → qty 5
            OpenCopy c = decide(openCopy(open("10", "100", 10, "1000"), BTC,
                    follower().equity("1000").settings("{\"maxMarginPerOrderRatio\":\"0.05\"}"), "100"));
            assertQty(c, "5");
            assertThat(c.getReason()).isEqualTo(ReasonCode.MAX_MARGIN_PER_ORDER);
            assertThat(c.getExplanation()).containsEntry("maxOrderMargin", "50");
        }

        @Test
        void maxMarginPerPairCountsMarginAlreadyUsed() {
            // 30 already used, cap 50 → 20 headroom → qty 2 at 10x @100
            OpenCopy c = decide(openCopy(open("10", "100", 10, "1000"), BTC,
                    follower().pairMarginUsed("30").settings("{\"maxMarginPerPair\":\"50\"}"), "100"));
            assertQty(c, "2");
            assertThat(c.getReason()).isEqualTo(ReasonCode.MAX_MARGIN_PER_PAIR);
        }

        @Test
        void maxMarginPerPairReachedStopsOpensOnTheSymbol() {
            OpenCopy c = decide(openCopy(open("10", "100", 10, "1000"), BTC,
                    follower().pairMarginUsed("50").settings("{\"maxMarginPerPair\":\"50\"}"), "100"));
            assertThat(c.getOutcome()).isEqualTo(Outcome.REJECTED);
            assertThat(c.getReason()).isEqualTo(ReasonCode.MAX_MARGIN_PER_PAIR);
        }

        @Test
        void maxPositionValueIncludesOpenNotional() {
            // open 800 notional, limit 1000 → 200 headroom → qty 2 @100
            OpenCopy c = decide(openCopy(open("10", "100", 10, "1000"), BTC,
                    follower().openNotional("800").settings("{\"maxPositionValue\":\"1000\"}"), "100"));
            assertQty(c, "2");
            assertThat(c.getReason()).isEqualTo(ReasonCode.MAX_POSITION_VALUE);
        }

        @Test
        void affordabilityCapsToAvailableMarginIncludingTheFee() {
            // available 50 at 20x @100, fee 0.001: per unit 5 + 0.1 = 5.1 → 9.803… → 9.803
            OpenCopy c = decide(openCopy(open("100", "100", 20, "1000"), instrument("0.001", "0.001", 125, "0.001"),
                    follower().multiplier("0.2").available("50"), "100"));
            assertQty(c, "9.803");
            assertThat(c.getReason()).isEqualTo(ReasonCode.INSUFFICIENT_BALANCE);
            assertThat(c.getMargin().add(c.getFee())).isLessThanOrEqualTo(new BigDecimal("50"));
        }

        @Test
        void capsApplyInSpecOrderAndTheLastShrinkNamesTheReason() {
            OpenCopy c = decide(openCopy(open("10", "100", 10, "1000"), BTC,
                    follower().equity("1000").available("10")
                            .settings("{\"maxMarginPerOrderRatio\":\"0.05\",\"maxMarginPerPair\":\"40\"}"), "100"));
            assertThat(c.getFiredRules()).containsSubsequence("Cap: max margin per order", "Cap: max margin per pair",
                    "Cap: affordability (margin and fee within available)");
            assertQty(c, "1");
            assertThat(c.getReason()).isEqualTo(ReasonCode.INSUFFICIENT_BALANCE);
        }

        @Test
        void anAccountAlreadyPastALimitRejectsWithoutLooping() {
            // price rises pushed the open notional above maxPositionValue; pair margin above its cap;
            // a negative equity makes the per-order limit negative: each shrinks to 0 once and stops
            OpenCopy overValue = decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().openNotional("1200").settings("{\"maxPositionValue\":\"1000\"}"), "100"));
            assertThat(overValue.getReason()).isEqualTo(ReasonCode.MAX_POSITION_VALUE);
            assertThat(overValue.getFiredRules()).filteredOn(r -> r.startsWith("Cap:")).hasSize(1);
            OpenCopy overPair = decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().pairMarginUsed("60").settings("{\"maxMarginPerPair\":\"50\"}"), "100"));
            assertThat(overPair.getReason()).isEqualTo(ReasonCode.MAX_MARGIN_PER_PAIR);
            assertThat(overPair.getFiredRules()).filteredOn(r -> r.startsWith("Cap:")).hasSize(1);
            OpenCopy negative = decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().equity("-10").available("0").settings("{\"maxMarginPerOrderRatio\":\"0.5\"}"), "100"));
            assertThat(negative.getReason()).isEqualTo(ReasonCode.MAX_MARGIN_PER_ORDER);
            assertThat(negative.getOutcome()).isEqualTo(Outcome.REJECTED);
        }

        @Test
        void noCapFiresWhenWithinLimits() {
            OpenCopy c = decide(openCopy(open("1", "100", 10, "1000"), BTC, follower(), "100"));
            assertThat(c.getFiredRules()).noneMatch(r -> r.startsWith("Cap"));
            assertThat(c.getReason()).isNull();
        }
    }

    @Nested
    @DisplayName("5. rounding and minimum quantity")
    class Rounding {
        @Test
        void roundsDownToTheStep() {
            assertQty(decide(openCopy(open("0.0127", "100", 10, "1000"), BTC, follower(), "100")), "0.012");
        }

        @Test
        void targetBelowMinimumIsBelowMinQty() {
            OpenCopy c = decide(openCopy(open("0.0009", "100", 10, "1000"), BTC, follower(), "100"));
            assertThat(c.getOutcome()).isEqualTo(Outcome.REJECTED);
            assertThat(c.getReason()).isEqualTo(ReasonCode.BELOW_MIN_QTY);
        }

        @Test
        void exactlyTheMinimumIsCopied() {
            assertQty(decide(openCopy(open("0.001", "100", 10, "1000"), BTC, follower(), "100")), "0.001");
        }

        @Test
        void capThatMakesItTooSmallGivesTheCapsReason() {
            OpenCopy c = decide(openCopy(open("1", "100", 10, "1000"), BTC, follower().available("0.005"), "100"));
            assertThat(c.getOutcome()).isEqualTo(Outcome.REJECTED);
            assertThat(c.getReason()).isEqualTo(ReasonCode.INSUFFICIENT_BALANCE);
        }
    }

    @Nested
    @DisplayName("eligibility")
    class Eligibility {
        @Test
        void inactiveSubscriptionOpensNothing() {
            OpenCopy c = decide(openCopy(open("1", "100", 10, "1000"), BTC,
                    follower().status(SubscriptionStatus.INTERRUPTED), "100"));
            assertThat(c.getReason()).isEqualTo(ReasonCode.NOT_ACTIVE);
        }
    }

    @Nested
    @DisplayName("expert CLOSE fills")
    class Closes {
        @Test
        void fullCloseClosesTheWholeCopy() {
            CloseCopy c = decide(closeCopy("2", "2", "0.333"));
            assertThat(c.getOutcome()).isEqualTo(Outcome.COPIED);
            assertThat(c.getQty()).isEqualByComparingTo("0.333");
        }

        @Test
        void halfCloseHalvesTheCopyRoundedDown() {
            CloseCopy c = decide(closeCopy("1", "2", "0.333"));
            assertThat(c.getQty()).isEqualByComparingTo("0.166");
            assertThat(c.getExplanation()).containsEntry("fraction", "0.5");
        }

        @Test
        void partialCloseThatRoundsToNothingClosesNothing() {
            CloseCopy c = decide(closeCopy("1", "1000", "0.5"));
            assertThat(c.getOutcome()).isEqualTo(Outcome.REJECTED);
            assertThat(c.getReason()).isEqualTo(ReasonCode.BELOW_MIN_QTY);
        }
    }
}
