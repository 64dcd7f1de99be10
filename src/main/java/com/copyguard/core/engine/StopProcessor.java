package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.PositionKey;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.rules.ActiveRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A follower's own actions on a subscription: stop following (both modes) and closing one position. */
final class StopProcessor {
    private final Ledger ledger;
    private final LedgerViews views;
    private final ActiveRules rules;
    private final SubscriptionLifecycle lifecycle;

    StopProcessor(Ledger ledger, LedgerViews views, ActiveRules rules, SubscriptionLifecycle lifecycle) {
        this.ledger = ledger;
        this.views = views;
        this.rules = rules;
        this.lifecycle = lifecycle;
    }

    Result stop(StopFollowing c) {
        Subscription s = Lookup.subscription(ledger, c.subscriptionId());
        if (s.status() == SubscriptionStatus.STOPPED) {
            throw new InputRefused(RefusalCode.ALREADY_STOPPED, "subscription " + s.subscriptionId() + " has already stopped");
        }
        if (s.status() == SubscriptionStatus.CLOSING && c.mode() == StopFollowing.Mode.FOLLOW_EXPERT_CLOSE) {
            throw new InputRefused(RefusalCode.ALREADY_CLOSING, "subscription " + s.subscriptionId()
                    + " is already closing with the expert; stop it with MARKET_CLOSE to close now");
        }
        String ref = "stop:" + s.subscriptionId();
        List<RiskActionRecord> actions = new ArrayList<>();
        if (c.mode() == StopFollowing.Mode.MARKET_CLOSE) {
            actions.addAll(lifecycle.stopWithMarketClose(s, ReasonCode.STOP_FOLLOWING, rules.get().version(), List.of(),
                    Map.of(), c.time(), ref));
        } else {
            ledger.closing(s, ReasonCode.STOP_FOLLOWING);
            lifecycle.finishIfDrained(s, c.time(), ref);
        }
        return new SubscriptionResult(views.subscription(s), RiskActionSummary.of(actions), null);
    }

    Result closePosition(ClosePosition c) {
        Subscription s = Lookup.subscription(ledger, c.subscriptionId());
        Position p = ledger.account(s.accountId()).position(new PositionKey(s.subscriptionId(), c.symbol(), c.side()));
        if (p == null) {
            throw new InputRefused(RefusalCode.NO_OPEN_POSITION, "subscription " + s.subscriptionId() + " has no open "
                    + c.symbol() + " " + c.side() + " position");
        }
        RiskActionRecord r = lifecycle.closeAtMarket(s, p, RiskActionRecord.CLOSE, ReasonCode.MANUAL_CLOSE,
                rules.get().version(), List.of(), Map.of(), c.time(), "manual:" + s.subscriptionId());
        lifecycle.finishIfDrained(s, c.time(), "manual:" + s.subscriptionId());
        return new SubscriptionResult(views.subscription(s), List.of(RiskActionSummary.of(r)), null);
    }
}
