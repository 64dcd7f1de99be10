package com.copyguard.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic shortcuts of the fill path give exactly what the long division gives: the same
 * value and, after stripping trailing zeros, the same representation (replay compares state by value
 * and by text).
 */
class ExactShortcutsTest {
    private static BigDecimal longDivision(BigDecimal a, int b) {
        return a.divide(BigDecimal.valueOf(b), Decimals.SCALE, RoundingMode.DOWN).stripTrailingZeros();
    }

    private static BigDecimal randomDecimal(Random r) {
        long unscaled = r.nextLong() % 1_000_000_000_000_000L;
        return BigDecimal.valueOf(unscaled, r.nextInt(19));
    }

    @Test
    void divisionByEveryLeverageEqualsTheLongDivision() {
        Random r = new Random(15);
        for (int leverage = 1; leverage <= 125; leverage++) {
            for (int i = 0; i < 400; i++) {
                BigDecimal a = randomDecimal(r);
                BigDecimal expected = longDivision(a, leverage);
                BigDecimal actual = Decimals.div(a, leverage);
                assertThat(actual.toString()).as("%s / %d", a, leverage).isEqualTo(expected.toString());
            }
            assertThat(Decimals.div(BigDecimal.ZERO, leverage)).isEqualTo(longDivision(BigDecimal.ZERO, leverage));
            // more places than the quotient keeps: truncated toward zero, as the division truncates
            BigDecimal tiny = new BigDecimal("-0.000000000000000001234");
            assertThat(Decimals.div(tiny, leverage).toString()).isEqualTo(longDivision(tiny, leverage).toString());
        }
    }

    @Test
    void aNewPositionsEntryIsItsPriceExactlyAsTheWeightedMeanGivesIt() {
        Random r = new Random(4);
        for (int i = 0; i < 2_000; i++) {
            BigDecimal price = BigDecimal.valueOf(Math.abs(r.nextLong() % 1_000_000_000_000L), r.nextInt(13));
            BigDecimal qty = BigDecimal.valueOf(1 + Math.abs(r.nextLong() % 1_000_000_000L), r.nextInt(13));
            BigDecimal mean = Decimals.div(BigDecimal.ZERO.multiply(BigDecimal.ONE).add(qty.multiply(price)),
                    BigDecimal.ZERO.add(qty));
            assertThat(PositionArithmetic.averageEntry(BigDecimal.ZERO, BigDecimal.ZERO, qty, price).toString())
                    .as("%s at %s", qty, price).isEqualTo(mean.toString());
        }
        // adding to a held position still takes the weighted mean
        assertThat(PositionArithmetic.averageEntry(new BigDecimal("1"), new BigDecimal("100"), new BigDecimal("3"),
                new BigDecimal("200"))).isEqualByComparingTo("175");
    }
}
