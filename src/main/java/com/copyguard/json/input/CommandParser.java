package com.copyguard.json.input;

import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertEquityReport;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.ExpertMarginChange;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.command.SettingsPatch;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.core.refusal.InputRefused;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads each command from its JSON body (and the id its path names), with the bounds of the body's
 * schema in openapi.yaml. Every defect is an {@link InputRefused} that names the field; a command that
 * comes out is valid as far as its input alone can tell (the engine checks it against the state).
 */
public final class CommandParser {
    private static final BigDecimal MAX_TAKER_FEE_RATE = new BigDecimal("0.1");
    private static final BigDecimal MAX_MAINTENANCE_MARGIN_RATE = new BigDecimal("0.5");

    private CommandParser() {
    }

    public static PutInstrument putInstrument(String symbol, JsonNode body) {
        if (!symbol.matches("[A-Z0-9]{2,32}")) {
            throw InputRefused.invalid("symbol must be 2-32 upper-case letters or digits");
        }
        Fields f = Fields.of(body, "InstrumentInput");
        BigDecimal minQty = f.positive("minQty");
        BigDecimal step = f.positive("qtyStep");
        if (minQty.remainder(step).signum() != 0) {
            throw InputRefused.invalid("minQty must be a multiple of qtyStep");
        }
        BigDecimal fee = f.within("takerFeeRate", BigDecimal.ZERO, MAX_TAKER_FEE_RATE);
        BigDecimal mmr = f.within("maintenanceMarginRate", BigDecimal.ZERO, MAX_MAINTENANCE_MARGIN_RATE);
        return new PutInstrument(symbol, minQty, step, f.integer("maxLeverage"), fee, mmr,
                f.optionalPositive("followNotionalLimit"));
    }

    public static PutExpert putExpert(String expertId, JsonNode body) {
        Ids.check("expertId", expertId);
        Fields f = Fields.of(body, "ExpertInput");
        BigDecimal rate = f.has("profitShareRate")
                ? f.within("profitShareRate", BigDecimal.ZERO, PutExpert.MAX_PROFIT_SHARE) : null;
        // maxFollowers: a number sets the capacity, an explicit null removes it, absence keeps it
        Integer maxFollowers = f.has("maxFollowers") ? f.integer("maxFollowers") : null;
        boolean clear = body != null && body.has("maxFollowers") && body.get("maxFollowers").isNull();
        return new PutExpert(expertId, rate, f.optionalNonNegative("minFollowAmount"), f.optionalNonNegative("equity"),
                maxFollowers, clear);
    }

    public static ExpertFill expertFill(String expertId, JsonNode body) {
        Ids.check("expertId", expertId);
        Fields f = Fields.of(body, "Fill");
        return new ExpertFill(expertId, Ids.check("fillId", f.text("fillId")), f.text("symbol"),
                f.enumValue("action", FillAction.class), f.positive("qty"), f.positive("price"),
                f.integer("leverage"), f.enumValue("marginMode", MarginMode.class),
                f.enumValue("status", FillStatus.class), f.time("time"), f.optionalPositive("expertEquity"));
    }

    public static PriceTick priceTick(JsonNode body) {
        Fields f = Fields.of(body, "PriceInput");
        long time = f.time("time");
        JsonNode list = f.node("prices");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw InputRefused.invalid("prices must be a non-empty array of {symbol, price}");
        }
        List<PriceTick.SymbolPrice> prices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (JsonNode p : list) {
            Fields pf = Fields.of(p, InputSchema.named("SymbolPrice"), "prices[" + i++ + "]");
            String symbol = pf.text("symbol");
            if (!seen.add(symbol)) {
                throw InputRefused.invalid("prices lists " + symbol + " twice");
            }
            prices.add(new PriceTick.SymbolPrice(symbol, pf.positive("price")));
        }
        return new PriceTick(time, List.copyOf(prices));
    }

    public static AdvanceClock advanceClock(JsonNode body) {
        return new AdvanceClock(Fields.of(body, "ClockInput").time("time"));
    }

    public static Follow follow(JsonNode body) {
        Fields f = Fields.of(body, "FollowInput");
        FollowMode mode = f.enumValue("mode", FollowMode.class);
        BigDecimal fixedMargin = mode == FollowMode.FIXED_MARGIN ? f.positive("fixedMargin") : null;
        BigDecimal multiplier = mode == FollowMode.MULTIPLIER ? f.positive("multiplier") : null;
        JsonNode settings = f.node("settings");
        SettingsPatch patch = settings == null || settings.isNull() ? null : SettingsParser.patch(settings);
        return new Follow(Ids.check("followerId", f.text("followerId")), Ids.check("expertId", f.text("expertId")),
                mode, f.nonNegative("amount"), fixedMargin, multiplier, f.bool("copyExistingPositions", false),
                patch, f.time("time"), f.bool("refuseAvoidExperts", false));
    }

    public static PatchSettings patchSettings(String subscriptionId, JsonNode body) {
        // the body is the settings object itself: its unknown fields are named without a "settings." prefix
        Fields.of(body, "Settings");
        return new PatchSettings(subscriptionId, SettingsParser.patch(body));
    }

    public static Deposit deposit(String accountId, JsonNode body) {
        Fields f = Fields.of(body, "MoneyMovement");
        return new Deposit(accountId, f.positive("amount"), Ids.check("requestId", f.text("requestId")), f.time("time"));
    }

    public static Withdraw withdraw(String accountId, JsonNode body) {
        Fields f = Fields.of(body, "MoneyMovement");
        return new Withdraw(accountId, f.positive("amount"), Ids.check("requestId", f.text("requestId")), f.time("time"));
    }

    public static StopFollowing stopFollowing(String subscriptionId, JsonNode body) {
        Fields f = Fields.of(body, "StopInput");
        return new StopFollowing(subscriptionId, f.enumValue("mode", StopFollowing.Mode.class), f.time("time"));
    }

    public static ClosePosition closePosition(String subscriptionId, JsonNode body) {
        Fields f = Fields.of(body, "ClosePositionInput");
        return new ClosePosition(subscriptionId, f.text("symbol"), f.enumValue("side", Side.class), f.time("time"));
    }

    public static PauseSubscription pauseSubscription(String subscriptionId, JsonNode body) {
        return new PauseSubscription(subscriptionId, Fields.of(body, "TimeOnly").time("time"));
    }

    public static ResumeSubscription resumeSubscription(String subscriptionId, JsonNode body) {
        Fields f = Fields.of(body, "ResumeInput");
        return new ResumeSubscription(subscriptionId, f.bool("copyExistingPositions", false), f.time("time"));
    }

    public static ChangePositionMargin changePositionMargin(String subscriptionId, JsonNode body) {
        Fields f = Fields.of(body, "MarginChangeInput");
        return new ChangePositionMargin(subscriptionId, f.text("symbol"), f.enumValue("side", Side.class),
                MarginAmount.nonZero(f), Ids.check("requestId", f.text("requestId")), f.time("time"));
    }

    public static ExpertMarginChange expertMarginChange(String expertId, JsonNode body) {
        Fields f = Fields.of(body, "MarginChangeInput");
        return new ExpertMarginChange(expertId, f.text("symbol"), f.enumValue("side", Side.class),
                MarginAmount.nonZero(f), Ids.check("requestId", f.text("requestId")), f.time("time"));
    }

    public static ExpertEquityReport expertEquityReport(String expertId, JsonNode body) {
        Ids.check("expertId", expertId);
        Fields f = Fields.of(body, "EquityReport");
        long time = f.time("time");
        BigDecimal equity = f.nonNegative("equity");
        BigDecimal transfer = f.optionalDecimal("transfer");
        if (transfer != null && equity.subtract(transfer).signum() < 0) {
            throw InputRefused.invalid("transfer " + transfer.toPlainString() + " exceeds equity " + equity.toPlainString()
                    + ": the equity before the transfer would be negative");
        }
        return new ExpertEquityReport(expertId, time, equity, transfer);
    }
}
