package com.copyguard.events;

import java.util.Set;

/** Which events one stream wants; a null criterion accepts everything. */
public record EventFilter(String followerId, String subscriptionId, String expertId, Set<EventType> types) {

    public boolean accepts(LiveEvent e) {
        return (followerId == null || followerId.equals(e.followerId()))
                && (subscriptionId == null || e.subscriptionIds().contains(subscriptionId))
                && (expertId == null || expertId.equals(e.expertId()))
                && (types == null || types.contains(e.type()));
    }
}
