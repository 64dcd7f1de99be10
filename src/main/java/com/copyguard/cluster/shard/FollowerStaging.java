package com.copyguard.cluster.shard;

import com.copyguard.cluster.FollowerTotals;
import com.copyguard.core.screening.FollowerResults;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of the followers' sums that an ingress sent ahead of a screening read (more experts
 * than one record carries: {@link FollowerTotals#parts}), kept by stage id until the read that
 * carries the last part takes them. Reads change no state: this is not in snapshots, and a worker
 * that restarts mid-way loses them (the screening read then answers 503, to be asked again). At
 * most {@link #OPEN} stages are kept, the oldest dropped first, so an ingress that died mid-way
 * leaves nothing behind for long.
 */
final class FollowerStaging {
    static final int OPEN = 8;

    private final Map<String, Map<String, FollowerResults>> stages = new LinkedHashMap<>();
    private final Map<String, Integer> partsSeen = new HashMap<>();

    /** Keeps a part sent ahead; answers how many parts of its stage are now kept. */
    int stage(JsonNode part) {
        JsonNode stage = part.path("stage");
        String id = stage.path("id").asText();
        if (!stages.containsKey(id) && stages.size() == OPEN) {
            Iterator<String> oldest = stages.keySet().iterator();
            partsSeen.remove(oldest.next());
            oldest.remove();
        }
        stages.computeIfAbsent(id, k -> new HashMap<>()).putAll(FollowerTotals.parse(part));
        return partsSeen.merge(id, 1, Integer::sum);
    }

    /**
     * The whole sums: {@code last}'s own when it has no stage; else with every part kept under its
     * stage, or null when some part is missing (the stage is then dropped).
     */
    Map<String, FollowerResults> complete(JsonNode last) {
        JsonNode stage = last.path("stage");
        if (!stage.isObject()) {
            return FollowerTotals.parse(last);
        }
        String id = stage.path("id").asText();
        Map<String, FollowerResults> ahead = stages.remove(id);
        Integer seen = partsSeen.remove(id);
        if (ahead == null || seen == null || seen != stage.path("parts").asInt() - 1) {
            return null;
        }
        ahead.putAll(FollowerTotals.parse(last));
        return ahead;
    }
}
