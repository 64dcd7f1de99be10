package com.copyguard.cluster;

import com.copyguard.core.command.Sender;
import com.copyguard.core.rules.RuleSource;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule authoring record on {@link Topics#seq} or a shard's log (its {@link Envelope} says
 * {@code rules}): a four-eyes proposal step or a shadow run step, as JSON. Whatever a shard decides
 * from it is in the record itself (the proposed text, the proposer, the time stamped at the
 * ingress), so every shard that applies it, and every replay, decides the same.
 *
 * <p>Proposal steps ({@link Kind#PROPOSE}, {@link Kind#APPROVE}, {@link Kind#REJECT}) are inputs:
 * they change every shard's proposal table and are replayed in recovery. Reads of the table and
 * shadow run steps travel as reads ({@code query}): answered, never replayed, as the single node
 * keeps a shadow run outside its journal.
 */
public record RuleRecord(Kind kind, String proposalId, RuleSource source, String fingerprint, long at, Sender by) {

    public enum Kind {
        /** An input: a new PENDING proposal of {@code source}, by {@code by} at {@code at}. */
        PROPOSE,
        /** An input: approve {@code proposalId}; {@code fingerprint} is the folder's text as the ingress read it (null: unreadable). */
        APPROVE,
        /** An input: reject {@code proposalId}. */
        REJECT,
        /** A read: one proposal, {@code proposalId}. */
        PROPOSAL,
        /** A read: every proposal kept. */
        LIST_PROPOSALS,
        /** A shadow step (read, through the sequencer): start {@code source} as the shadow candidate. */
        SHADOW_START,
        /** A shadow step (read, through the sequencer): this shard's report at this point of the market's order. */
        SHADOW_REPORT,
        /** A shadow step (read, through the sequencer): stop the run, answer its last report. */
        SHADOW_STOP
    }

    public static RuleRecord of(Kind kind) {
        return new RuleRecord(kind, null, null, null, 0, null);
    }

    public byte[] encode() {
        ObjectNode n = Json.object();
        n.put("kind", kind.name());
        n.put("proposalId", proposalId);
        if (source != null) {
            ObjectNode s = n.putObject("source");
            s.put("version", source.version());
            s.put("description", source.description());
            ObjectNode files = s.putObject("files");
            source.files().forEach(files::put);
        }
        n.put("fingerprint", fingerprint);
        n.put("at", at);
        if (by != null) {
            n.putObject("by").put("subject", by.subject()).put("role", by.role());
        }
        try {
            return Json.MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleRecord decode(String json) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuleSource source = null;
        if (n.path("source").isObject()) {
            JsonNode s = n.get("source");
            Map<String, String> files = new TreeMap<>();
            s.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
            source = RuleSource.of(s.path("version").asText(), s.path("description").asText(null), files);
        }
        JsonNode by = n.path("by");
        return new RuleRecord(Kind.valueOf(n.path("kind").asText()), text(n, "proposalId"), source,
                text(n, "fingerprint"), n.path("at").asLong(),
                by.isObject() ? new Sender(text(by, "subject"), text(by, "role")) : null);
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : null;
    }
}
