package com.copyguard.cluster;

import com.copyguard.events.EventType;
import com.copyguard.events.LiveEvent;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One live event on {@link Topics#events}, as a shard writes it in the transaction of the input
 * that caused it: its type, the follower, expert and subscriptions it concerns (what
 * {@code GET /events} filters on) and its {@code data} as the single node streams it. Its id is
 * given where it is read: its offset in the topic, one increasing sequence every ingress agrees on.
 */
public final class EventRecord {
    private EventRecord() {
    }

    /** {@code e} (an event a shard's feed published, its shard-local id dropped) as a record value. */
    public static byte[] encode(LiveEvent e) {
        try {
            ObjectNode data = (ObjectNode) Json.MAPPER.readTree(e.json());
            data.remove("id");
            ObjectNode n = Json.object();
            n.put("type", e.type().name());
            n.put("followerId", e.followerId());
            n.put("expertId", e.expertId());
            e.subscriptionIds().stream().sorted().forEach(n.withArray("subscriptionIds")::add);
            n.set("data", data);
            return Json.MAPPER.writeValueAsBytes(n);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The event at {@code offset}: id = offset, {@code data} = {"id", "type", ...} as the single node sends it. */
    public static LiveEvent decode(long offset, byte[] value) {
        try {
            JsonNode n = Json.MAPPER.readTree(value);
            ObjectNode data = Json.object();
            data.put("id", offset);
            data.put("type", n.path("type").asText());
            data.setAll((ObjectNode) n.path("data"));
            Set<String> subscriptions = new LinkedHashSet<>();
            n.path("subscriptionIds").forEach(s -> subscriptions.add(s.asText()));
            return new LiveEvent(offset, EventType.valueOf(n.path("type").asText()), text(n, "followerId"),
                    text(n, "expertId"), Set.copyOf(subscriptions), Json.MAPPER.writeValueAsString(data));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : null;
    }
}
