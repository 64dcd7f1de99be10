package com.copyguard.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * One event of the live stream (GET /events), as published after its input was committed.
 * {@code subscriptionIds} are the subscriptions it concerns: one for a copy decision or risk
 * action, every subscription of the account for an account-wide movement (a freeze on a pool).
 * {@code json} is the serialized {@code data} line, built once for every connection.
 */
public record LiveEvent(long id, EventType type, String followerId, String expertId, Set<String> subscriptionIds,
                        String json) {

    /** What the feed captured before the commit: ids and a body built only if the event is kept. */
    record Pending(EventType type, String followerId, String expertId, Set<String> subscriptionIds,
                   java.util.function.Supplier<ObjectNode> body) {
    }
}
