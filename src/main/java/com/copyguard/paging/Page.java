package com.copyguard.paging;

import com.copyguard.engine.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a list and where the next one starts: {@code next} is the position of the last item
 * when more items match, else null (the walk is over).
 */
public record Page<T>(List<T> items, Long next) {
    /** The reply every list endpoint gives: {@code {"items": [...], "nextCursor": string|null}}. */
    public ObjectNode toJson(Function<T, JsonNode> view) {
        ObjectNode n = Json.object();
        ArrayNode arr = n.putArray("items");
        items.forEach(item -> arr.add(view.apply(item)));
        if (next == null) {
            n.putNull("nextCursor");
        } else {
            n.put("nextCursor", Cursor.encode(next));
        }
        return n;
    }
}
