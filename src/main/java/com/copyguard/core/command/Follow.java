package com.copyguard.core.command;

import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.SubscriptionSettings;
import java.math.BigDecimal;

/**
 * A follower starts following an expert, transferring {@code amount} into the following account.
 * {@code settings}: how the new subscription's settings differ from the defaults (null: not at all).
 * {@code refuseAvoidExperts}: refuse the follow (409 EXPERT_AVOID) when expert screening says AVOID.
 */
public record Follow(String followerId, String expertId, FollowMode mode, BigDecimal amount, BigDecimal fixedMargin,
                     BigDecimal multiplier, boolean copyExistingPositions, SettingsPatch settings,
                     long time, boolean refuseAvoidExperts) implements Command {
    /** The settings the new subscription starts with. */
    public SubscriptionSettings initialSettings() {
        return settings == null ? SubscriptionSettings.DEFAULTS : settings.applyTo(SubscriptionSettings.DEFAULTS);
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
