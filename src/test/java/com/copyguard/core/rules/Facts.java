package com.copyguard.core.rules;

import com.copyguard.json.input.SettingsParser;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.json.Json;
import com.copyguard.core.rules.facts.CloseCopy;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.FollowerState;
import com.copyguard.core.rules.facts.OpenCopy;
import java.math.BigDecimal;

/** Builders for rule facts with SPEC-like defaults, so each rule test states only what it varies. */
final class Facts {
    static final Instrument BTC = instrument("0.001", "0.001", 125, "0");

    private Facts() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Instrument instrument(String minQty, String step, int maxLeverage, String fee) {
        return new Instrument("BTCUSDT", d(minQty), d(step), maxLeverage, d(fee), d("0.005"), null);
    }

    static SubscriptionSettings settings(String json) {
        try {
            return SettingsParser.patch(Json.MAPPER.readTree(json)).applyTo(SubscriptionSettings.DEFAULTS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ExpertOrder openAfter(long msSinceLastOpen, String side) {
        return new ExpertOrder("E1", "f1", "BTCUSDT", Side.valueOf(side), true, d("1"), d("100"), 10,
                MarginMode.CROSS, FillStatus.FILLED, 1000L, d("1000"), d("0"), msSinceLastOpen);
    }

    static ExpertOrder openShort(String qty, String price) {
        return new ExpertOrder("E1", "f1", "BTCUSDT", Side.SHORT, true, d(qty), d(price), 10,
                MarginMode.CROSS, FillStatus.FILLED, 1000L, d("1000"), d("0"), null);
    }

    static ExpertOrder open(String qty, String price, int leverage, String expertEquity) {
        return order(true, qty, price, leverage, expertEquity, "0", FillStatus.FILLED);
    }

    static ExpertOrder order(boolean opening, String qty, String price, int leverage, String expertEquity,
                             String positionBefore, FillStatus status) {
        return new ExpertOrder("E1", "f1", "BTCUSDT", Side.LONG, opening, d(qty), d(price), leverage,
                MarginMode.CROSS, status, 1000L, d(expertEquity), d(positionBefore), null);
    }

    static final class Follower {
        FollowMode mode = FollowMode.MULTIPLIER;
        SubscriptionStatus status = SubscriptionStatus.ACTIVE;
        SubscriptionSettings settings = SubscriptionSettings.DEFAULTS;
        String fixedMargin;
        String multiplier = "1";
        String equity = "1000000";
        String available = "1000000";
        String pairMarginUsed = "0";
        String openNotional = "0";
        boolean symbolTradedBeforeFollow = true;

        Follower mode(FollowMode m) {
            mode = m;
            return this;
        }

        Follower settings(String json) {
            settings = Facts.settings(json);
            return this;
        }

        Follower multiplier(String m) {
            multiplier = m;
            return this;
        }

        Follower fixedMargin(String m) {
            fixedMargin = m;
            return this;
        }

        Follower equity(String e) {
            equity = e;
            available = e;
            return this;
        }

        Follower available(String a) {
            available = a;
            return this;
        }

        Follower pairMarginUsed(String m) {
            pairMarginUsed = m;
            return this;
        }

        Follower openNotional(String n) {
            openNotional = n;
            return this;
        }

        Follower tradedBeforeFollow(boolean traded) {
            symbolTradedBeforeFollow = traded;
            return this;
        }

        Follower status(SubscriptionStatus s) {
            status = s;
            return this;
        }

        FollowerState build() {
            return new FollowerState("S1", "A1", mode, status, settings, fixedMargin == null ? null : d(fixedMargin),
                    multiplier == null ? null : d(multiplier), 0L, d(equity), d(available), d(pairMarginUsed),
                    d(openNotional), symbolTradedBeforeFollow);
        }
    }

    static Follower follower() {
        return new Follower();
    }

    static OpenCopy openCopy(ExpertOrder order, Instrument instrument, Follower follower, String mark) {
        return new OpenCopy(order, instrument, follower.build(), d(mark));
    }

    static CloseCopy closeCopy(String expertCloseQty, String expertPositionQty, String followerQty) {
        ExpertOrder o = order(false, expertCloseQty, "100", 10, "0", expertPositionQty, FillStatus.FILLED);
        return new CloseCopy(o, BTC, "S1", d(followerQty));
    }
}
