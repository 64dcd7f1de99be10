package com.copyguard.command;

import com.copyguard.domain.FollowMode;
import com.copyguard.domain.SubscriptionSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A follower starts following an expert, transferring {@code amount} into the following account.
 * {@code refuseAvoidExperts}: refuse the follow (409 EXPERT_AVOID) when expert screening says AVOID.
 */
public record Follow(String followerId, String expertId, FollowMode mode, BigDecimal amount, BigDecimal fixedMargin,
                     BigDecimal multiplier, boolean copyExistingPositions, JsonNode settings,
                     long time, boolean refuseAvoidExperts) implements Command {
    private static final String SCHEMA = "FollowInput";


    public static Follow parse(JsonNode body) {
        Fields f = Fields.of(body, SCHEMA);
        FollowMode mode = f.enumValue("mode", FollowMode.class);
        BigDecimal fixedMargin = mode == FollowMode.FIXED_MARGIN ? f.positive("fixedMargin") : null;
        BigDecimal multiplier = mode == FollowMode.MULTIPLIER ? f.positive("multiplier") : null;
        JsonNode settings = f.node("settings");
        SettingsParser.apply(SubscriptionSettings.DEFAULTS, settings);
        return new Follow(Ids.check("followerId", f.text("followerId")), Ids.check("expertId", f.text("expertId")),
                mode, f.nonNegative("amount"), fixedMargin, multiplier, f.bool("copyExistingPositions", false),
                settings == null || settings.isNull() ? null : settings, f.time("time"),
                f.bool("refuseAvoidExperts", false));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
