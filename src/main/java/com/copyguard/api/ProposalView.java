package com.copyguard.api;

import com.copyguard.core.command.Sender;
import com.copyguard.json.ApiJson;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A rule proposal as GET /rules/proposals shows it, on the single node and in the cluster alike. */
public final class ProposalView {
    private ProposalView() {
    }

    /** {@code decidedBy} (null while pending) is shown as {@code rejectedBy} or {@code approvedBy}, by the status. */
    public static ObjectNode of(String id, String version, String fingerprint, String status, Sender proposedBy,
                                Sender decidedBy) {
        ObjectNode n = Json.object();
        n.put("proposalId", id);
        n.put("version", version);
        n.put("fingerprint", fingerprint);
        n.put("status", status);
        n.set("proposedBy", ApiJson.tree(proposedBy));
        if (decidedBy != null) {
            n.set("REJECTED".equals(status) ? "rejectedBy" : "approvedBy", ApiJson.tree(decidedBy));
        }
        return n;
    }
}
