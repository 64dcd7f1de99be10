package com.copyguard.core.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How a figure's line becomes a trigger price, and when TriggerPrices refuses to name one. */
class TriggerPricesTest {

    @Test
    void aFigureThatRisesWithThePriceFallsToItsLimitBelowTheMark() {
        TriggerPrices t = new TriggerPrices("BTCUSDT", d("100"));
        // equity 1,000 at mark 100, +2 per unit of price, limit 900: 900 = 1,000 + 2 (P - 100) at P = 50
        t.whereFigureFalls("GUARDIAN_NET_LOSS", d("1000"), d("2"), d("900"));
        assertThat(t.getAtOrBelow()).isEqualByComparingTo("50");
        assertThat(t.getAtOrAbove()).isNull();
        assertThat(t.isEveryMove()).isFalse();
    }

    @Test
    void aFigureThatFallsWithThePriceReachesItsLimitAboveTheMark() {
        TriggerPrices t = new TriggerPrices("BTCUSDT", d("100"));
        t.whereFigureFalls("GUARDIAN_NET_LOSS", d("1000"), d("-2"), d("900"));
        assertThat(t.getAtOrAbove()).isEqualByComparingTo("150");
        assertThat(t.getAtOrBelow()).isNull();
    }

    @Test
    void aRisingTriggerIsTheFallingOneMirrored() {
        TriggerPrices t = new TriggerPrices("BTCUSDT", d("100"));
        // loss 10 now, +3 per unit the price falls (-3 per unit it rises), limit 40: at P = 90
        t.whereFigureRises("LOSS_LIMIT", d("10"), d("-3"), d("40"));
        assertThat(t.getAtOrBelow()).isEqualByComparingTo("90");
    }

    @Test
    void theTightestDeclarationWins() {
        TriggerPrices t = new TriggerPrices("BTCUSDT", d("100"));
        t.atOrBelow("A", d("80"));
        t.atOrBelow("B", d("90"));
        t.atOrBelow("C", d("85"));
        t.atOrAbove("D", d("130"));
        t.atOrAbove("E", d("120"));
        assertThat(t.getAtOrBelow()).isEqualByComparingTo("90");
        assertThat(t.getAtOrAbove()).isEqualByComparingTo("120");
    }

    @Test
    void aFigureAlreadyBeyondItsLimitIsCheckedOnEveryMove() {
        TriggerPrices t = new TriggerPrices("BTCUSDT", d("100"));
        t.whereFigureFalls("GUARDIAN_NET_VALUE", d("899"), d("2"), d("900"));
        assertThat(t.isEveryMove()).isTrue();
    }

    @Test
    void exactlyAtTheLimitTheTriggerPriceIsTheMark() {
        TriggerPrices t = new TriggerPrices("BTCUSDT", d("100"));
        t.whereFigureRises("EQUITY_PEAK", d("1000"), d("2"), d("1000"));
        assertThat(t.getAtOrAbove()).isEqualByComparingTo("100");
        assertThat(t.isEveryMove()).isFalse();
    }

    @Test
    void figuresMovedBySeveralSymbolsOrAnUnpricedOneHaveNoLine() {
        TriggerPrices several = new TriggerPrices(null, null);
        several.whereFigureFalls("LIQUIDATION", d("1000"), d("2"), d("900"));
        assertThat(several.isEveryMove()).isTrue();
        TriggerPrices unpriced = new TriggerPrices("BTCUSDT", null);
        unpriced.whereFigureFalls("LIQUIDATION", d("1000"), d("2"), d("900"));
        assertThat(unpriced.isEveryMove()).isTrue();
        TriggerPrices named = new TriggerPrices(null, null);
        named.atOrBelow("STOP_LOSS", d("90"));
        assertThat(named.isEveryMove()).as("a price without a symbol cannot be indexed").isTrue();
    }

    @Test
    void aFigureNoPriceMovesNeverTriggersByAPriceMove() {
        TriggerPrices free = TriggerPrices.priceFree();
        free.whereFigureRises("LOSS_LIMIT", d("10"), d("0"), d("40"));
        assertThat(free.isEveryMove()).isFalse();
        assertThat(free.getAtOrBelow()).isNull();
        assertThat(free.getAtOrAbove()).isNull();
        TriggerPrices flat = new TriggerPrices("BTCUSDT", d("100"));
        flat.whereFigureFalls("GUARDIAN_NET_LOSS", d("1000"), d("0"), d("900"));
        assertThat(flat.isEveryMove()).isFalse();
        assertThat(flat.getAtOrBelow()).isNull();
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
