package com.copyguard.engine;

import com.copyguard.command.ApiException;
import com.copyguard.command.Follow;
import com.copyguard.command.PatchSettings;
import com.copyguard.command.SettingsParser;
import com.copyguard.decimal.Decimals;
import com.copyguard.domain.FollowMode;
import com.copyguard.domain.SubscriptionSettings;
import com.copyguard.domain.SubscriptionStatus;
import com.copyguard.ledger.Account;
import com.copyguard.ledger.Expert;
import com.copyguard.ledger.Ledger;
import com.copyguard.ledger.Subscription;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Starting to follow, and changing a subscription's settings. */
final class FollowProcessor {
    /** The platform floor for the first transfer into a following account (SPEC.md). */
    static final BigDecimal PLATFORM_MIN_FOLLOW = new BigDecimal("50");

    private final Ledger ledger;
    private final LedgerViews views;

    FollowProcessor(Ledger ledger, LedgerViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    Reply follow(Follow c) {
        Expert expert = ledger.expert(c.expertId());
        if (expert == null) {
            throw ApiException.notFound("expert", c.expertId());
        }
        for (String id : expert.subscriptionIds()) {
            Subscription s = ledger.subscription(id);
            if (s.followerId().equals(c.followerId()) && s.status() != SubscriptionStatus.STOPPED) {
                throw ApiException.conflict("ALREADY_FOLLOWING", "follower " + c.followerId() + " already follows "
                        + c.expertId() + " in subscription " + id);
            }
        }
        boolean newAccount = c.mode() == FollowMode.SMART_RATIO || ledger.poolOf(c.followerId()) == null;
        if (newAccount) {
            BigDecimal floor = Decimals.max(PLATFORM_MIN_FOLLOW, expert.minFollowAmount());
            if (c.amount().compareTo(floor) < 0) {
                throw ApiException.conflict("BELOW_MIN_FOLLOW_AMOUNT", "the first transfer into a following account must be at least "
                        + Decimals.plain(floor) + " USDT (platform minimum 50, expert minimum "
                        + Decimals.plain(expert.minFollowAmount()) + "); got " + Decimals.plain(c.amount()));
            }
        }
        SubscriptionSettings settings = SettingsParser.apply(SubscriptionSettings.DEFAULTS, c.settings());
        Subscription s = ledger.subscribe(c.followerId(), expert, c.mode(), c.fixedMargin(), c.multiplier(),
                settings, c.time());
        Account account = ledger.account(s.accountId());
        if (c.amount().signum() > 0) {
            ledger.deposit(account, c.amount(), c.time(), s.subscriptionId(), "follow:" + s.subscriptionId(), true);
        }
        ObjectNode body = Json.object();
        body.put("subscriptionId", s.subscriptionId());
        body.put("accountId", s.accountId());
        body.put("status", s.status().name());
        return Reply.changed(201, body);
    }

    Reply patchSettings(PatchSettings c) {
        Subscription s = ledger.subscription(c.subscriptionId());
        if (s == null) {
            throw ApiException.notFound("subscription", c.subscriptionId());
        }
        ledger.changeSettings(s, SettingsParser.apply(s.settings(), c.patch()));
        return Reply.changed(200, views.subscription(s));
    }
}
