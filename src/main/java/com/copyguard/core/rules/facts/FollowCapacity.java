package com.copyguard.core.rules.facts;

import org.kie.api.definition.type.ClassReactive;

/**
 * A follow of an expert that sets {@code maxFollowers}: whether there is room for one more
 * subscription. {@code followers} counts the expert's subscriptions that have not stopped.
 */
@ClassReactive
public final class FollowCapacity extends RuleDecision {
    private final String expertId;
    private final String followerId;
    private final int followers;
    private final Integer maxFollowers;

    public FollowCapacity(String expertId, String followerId, int followers, Integer maxFollowers) {
        this.expertId = expertId;
        this.followerId = followerId;
        this.followers = followers;
        this.maxFollowers = maxFollowers;
    }

    public String getExpertId() {
        return expertId;
    }

    public String getFollowerId() {
        return followerId;
    }

    public int getFollowers() {
        return followers;
    }

    public Integer getMaxFollowers() {
        return maxFollowers;
    }
}
