package com.copyguard.json.input;

import com.copyguard.core.refusal.InputRefused;
import java.math.BigDecimal;

/** The signed {@code amount} of a margin change: not zero, at most 8 decimal places (money). */
final class MarginAmount {
    private static final int MONEY_SCALE = 8;

    private MarginAmount() {
    }

    static BigDecimal nonZero(Fields f) {
        BigDecimal amount = f.decimal("amount");
        if (amount.signum() == 0) {
            throw InputRefused.invalid("amount must not be 0: positive adds margin, negative removes it");
        }
        if (amount.stripTrailingZeros().scale() > MONEY_SCALE) {
            throw InputRefused.invalid("amount has more than " + MONEY_SCALE + " decimal places");
        }
        return amount;
    }
}
