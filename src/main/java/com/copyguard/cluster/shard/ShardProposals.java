package com.copyguard.cluster.shard;

import com.copyguard.core.command.Sender;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.rules.RuleSource;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One shard's copy of the cluster's rule proposals (four eyes), the same on every shard: it changes
 * only by proposal records, which the sequencer hands to every shard in one order, and decides
 * only from what they carry. Bounded as the single node's {@code RuleProposals}: at most
 * {@link #MAX_KEPT}, the oldest decided forgotten first, 409 TOO_MANY_PROPOSALS when all are
 * pending. A pending proposal keeps its text (what an approval activates); a decided one drops it;
 * pending proposals of one text share it, in memory and in the snapshot file (a text is tens of
 * KiB: 1,000 proposals of a few versions stay small). Kept beside the shard's snapshots
 * ({@link #toJson}), so it survives a restart.
 */
final class ShardProposals {
    static final int MAX_KEPT = 1000;

    enum Status { PENDING, APPROVED, REJECTED }

    /** One proposal; {@code source} is null once decided (its text is then in the activation, or not needed). */
    static final class Proposal {
        final String id;
        final String version;
        final String fingerprint;
        final Sender proposedBy;
        final long proposedAt;
        RuleSource source;
        Status status = Status.PENDING;
        Sender decidedBy;

        Proposal(String id, String version, String fingerprint, Sender proposedBy, long proposedAt, RuleSource source) {
            this.id = id;
            this.version = version;
            this.fingerprint = fingerprint;
            this.proposedBy = proposedBy;
            this.proposedAt = proposedAt;
            this.source = source;
        }
    }

    private final Map<String, Proposal> byId = new LinkedHashMap<>();
    private long next = 1;

    /** A new PENDING proposal of {@code source} (ids P1, P2, ... as the single node numbers them). */
    Proposal propose(RuleSource source, Sender by, long at) {
        if (byId.size() >= MAX_KEPT && !forgetOldestDecided()) {
            throw new InputRefused(RefusalCode.TOO_MANY_PROPOSALS, MAX_KEPT + " proposals are pending: decide some first");
        }
        String fingerprint = source.fingerprint();
        RuleSource text = byId.values().stream().filter(q -> q.source != null && q.fingerprint.equals(fingerprint))
                .map(q -> q.source).findFirst().orElse(source);
        Proposal p = new Proposal("P" + next++, source.version(), fingerprint, by, at, text);
        byId.put(p.id, p);
        return p;
    }

    private boolean forgetOldestDecided() {
        for (Iterator<Proposal> it = byId.values().iterator(); it.hasNext(); ) {
            if (it.next().status != Status.PENDING) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** The proposal {@code id}; 404 when unknown (never proposed, or forgotten). */
    Proposal get(String id) {
        Proposal p = id == null ? null : byId.get(id);
        if (p == null) {
            throw InputRefused.notFound("proposal", String.valueOf(id));
        }
        return p;
    }

    /**
     * Checks that {@code by} may decide proposal {@code id} now, in the single node's order: 404
     * unknown, 409 PROPOSAL_DECIDED, 403 SELF_APPROVAL (approving one's own proposal). Changes nothing.
     */
    Proposal decidable(String id, Sender by, boolean approving) {
        Proposal p = get(id);
        if (p.status != Status.PENDING) {
            throw new InputRefused(RefusalCode.PROPOSAL_DECIDED, "proposal " + id + " is already " + p.status);
        }
        if (approving && Objects.equals(subject(p.proposedBy), subject(by))) {
            throw new InputRefused(RefusalCode.SELF_APPROVAL, "four eyes: " + subject(by)
                    + " proposed " + id + " and cannot approve it; another rules-admin must");
        }
        return p;
    }

    /** Records the decision on a proposal {@link #decidable} accepted. */
    void decided(Proposal p, Sender by, boolean approved) {
        p.status = approved ? Status.APPROVED : Status.REJECTED;
        p.decidedBy = by;
        p.source = null;
    }

    private static String subject(Sender s) {
        return s == null ? null : s.subject();
    }

    /** The proposal as the single node shows it. */
    static ObjectNode view(Proposal p) {
        return com.copyguard.api.ProposalView.of(p.id, p.version, p.fingerprint, p.status.name(), p.proposedBy,
                p.decidedBy);
    }

    /** Every proposal kept, oldest first, as GET /rules/proposals lists them (at most {@link #MAX_KEPT}). */
    ArrayNode list() {
        ArrayNode arr = Json.array();
        byId.values().forEach(p -> arr.add(view(p)));
        return arr;
    }

    boolean isEmpty() {
        return byId.isEmpty() && next == 1;
    }

    /** The whole table (with pending proposals' text) as the JSON kept beside a snapshot. */
    String toJson() {
        ObjectNode n = Json.object();
        n.put("next", next);
        ObjectNode texts = n.putObject("texts");
        ArrayNode arr = n.putArray("proposals");
        for (Proposal p : byId.values()) {
            ObjectNode x = arr.addObject();
            x.put("id", p.id).put("version", p.version).put("fingerprint", p.fingerprint)
                    .put("proposedAt", p.proposedAt).put("status", p.status.name());
            sender(x, "proposedBy", p.proposedBy);
            sender(x, "decidedBy", p.decidedBy);
            if (p.source != null && !texts.has(p.fingerprint)) {
                ObjectNode s = texts.putObject(p.fingerprint);
                s.put("description", p.source.description());
                ObjectNode files = s.putObject("files");
                p.source.files().forEach(files::put);
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The table {@link #toJson} wrote. A pending proposal's text must still have its fingerprint
     * (else this throws: the text an approval would activate is not the one proposed).
     */
    static ShardProposals fromJson(String json) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ShardProposals t = new ShardProposals();
        t.next = n.path("next").asLong(1);
        Map<String, RuleSource> texts = new TreeMap<>();
        for (JsonNode x : n.path("proposals")) {
            Status status = Status.valueOf(x.path("status").asText());
            String fingerprint = x.path("fingerprint").asText();
            RuleSource source = null;
            if (status == Status.PENDING) {
                source = texts.computeIfAbsent(fingerprint, f -> text(n.path("texts").path(f), x.path("version").asText()));
                if (!source.fingerprint().equals(fingerprint)) {
                    throw new IllegalStateException("the text kept for proposal " + x.path("id").asText()
                            + " is not the text proposed (fingerprint " + source.fingerprint() + ", not " + fingerprint + ")");
                }
            }
            Proposal p = new Proposal(x.path("id").asText(), x.path("version").asText(), fingerprint,
                    sender(x.path("proposedBy")), x.path("proposedAt").asLong(), source);
            p.status = status;
            p.decidedBy = sender(x.path("decidedBy"));
            t.byId.put(p.id, p);
        }
        return t;
    }

    private static RuleSource text(JsonNode t, String version) {
        if (!t.isObject()) {
            throw new IllegalStateException("the text of a pending proposal of " + version + " is missing");
        }
        Map<String, String> files = new TreeMap<>();
        t.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        return RuleSource.of(version, t.path("description").asText(""), files);
    }

    private static void sender(ObjectNode n, String field, Sender s) {
        if (s != null) {
            n.putObject(field).put("subject", s.subject()).put("role", s.role());
        }
    }

    private static Sender sender(JsonNode n) {
        return n.isObject() ? new Sender(n.path("subject").asText(null), n.path("role").asText(null)) : null;
    }
}
