package com.copyguard.api;

import com.copyguard.core.rules.ShadowReport;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;

/**
 * A shadow run's report as GET /rules/shadow answers it; public so that a cluster shard answers
 * its part in exactly the single node's shape.
 */
public final class ShadowView {
    private ShadowView() {
    }

    /** {running?, version, description, fills, compared, differing, failures, lastFailure?, byChange, examples} of {@code r} (null: not running). */
    public static ObjectNode of(ShadowReport r, boolean withRunning) {
        ObjectNode n = Json.object();
        if (withRunning) {
            n.put("running", r != null);
        }
        if (r == null) {
            return n;
        }
        n.put("version", r.version());
        n.put("description", r.description());
        n.put("fills", r.fills());
        n.put("compared", r.compared());
        n.put("differing", r.differing());
        n.put("failures", r.failures());
        if (r.lastFailure() != null) {
            n.put("lastFailure", r.lastFailure());
        }
        ObjectNode byChange = n.putObject("byChange");
        new TreeMap<>(r.byChange()).forEach(byChange::put);
        ArrayNode examples = n.putArray("examples");
        r.examples().forEach(d -> {
            ObjectNode x = examples.addObject();
            x.put("expertId", d.expertId());
            x.put("fillId", d.fillId());
            x.put("subscriptionId", d.active().subscriptionId());
            x.put("symbol", d.symbol());
            x.put("action", d.action());
            x.put("time", d.time());
            x.put("change", d.change());
            x.set("active", verdict(d.active()));
            x.set("shadow", verdict(d.shadow()));
        });
        return n;
    }

    private static ObjectNode verdict(com.copyguard.core.rules.CopyVerdict v) {
        ObjectNode n = Json.object();
        n.put("outcome", v.outcome().name());
        if (v.reason() == null) {
            n.putNull("reason");
        } else {
            n.put("reason", v.reason().name());
        }
        Json.dec(n, "qty", v.qty());
        return n;
    }
}
