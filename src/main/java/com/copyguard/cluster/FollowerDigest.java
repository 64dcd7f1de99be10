package com.copyguard.cluster;

import com.copyguard.core.engine.DecisionView;
import com.copyguard.core.engine.RiskActionView;
import com.copyguard.json.ApiJson;

import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.Json;
import com.copyguard.core.engine.LedgerViews;
import com.copyguard.core.engine.RiskActionRecord;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One follower's whole state as the engine holds it (subscriptions, accounts, positions, every
 * transaction, copy decision and risk action) in a form that does not depend on which engine
 * holds it: ids are renamed by the follower's own creation order (the first subscription is
 * {@code sub#0}) and ledger-wide sequence numbers are left out. A single-node engine and the
 * shard that owns the follower give the same digest exactly when they hold the same state.
 */
public final class FollowerDigest {
    private static final Pattern MINTED = Pattern.compile("\\b[SA]\\d+\\b");
    private static final int ALL = Integer.MAX_VALUE;

    private FollowerDigest() {
    }

    /** The canonical state of {@code followerId}, ids renamed. */
    public static JsonNode state(Engine engine, String followerId) {
        Ledger ledger = engine.ledger();
        LedgerViews views = engine.views();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Account> accounts = new LinkedHashMap<>();
        ObjectNode out = Json.object();
        ArrayNode subs = out.putArray("subscriptions");
        for (Subscription s : ledger.subscriptionsOf(followerId)) {
            names.put(s.subscriptionId(), "sub#" + names.size());
            accounts.putIfAbsent(s.accountId(), ledger.account(s.accountId()));
        }
        int a = 0;
        for (String id : accounts.keySet()) {
            names.put(id, "acc#" + a++);
        }
        for (Subscription s : ledger.subscriptionsOf(followerId)) {
            ObjectNode n = (ObjectNode) ApiJson.tree(views.subscription(s));
            ArrayNode decisions = n.putArray("decisionLog");
            for (DecisionRecord d : engine.decisions().query(null, s.subscriptionId(), ALL)) {
                decisions.add(ApiJson.tree(DecisionView.of(d)));
            }
            ArrayNode risk = n.putArray("riskLog");
            for (RiskActionRecord r : engine.riskLog().query(s.subscriptionId(), ALL)) {
                risk.add(ApiJson.tree(RiskActionView.of(r)));
            }
            subs.add(n);
        }
        ArrayNode accs = out.putArray("accounts");
        for (Account account : accounts.values()) {
            ObjectNode n = (ObjectNode) ApiJson.tree(views.account(account));
            ArrayNode tx = (ArrayNode) ApiJson.tree(views.transactions(account));
            // the ledger-wide transaction sequence counts other followers' movements too
            tx.forEach(t -> ((ObjectNode) t).remove("seq"));
            n.set("transactions", tx);
            accs.add(n);
        }
        return rename(out, names);
    }

    /** SHA-256 (hex) of {@link #state}. */
    public static String of(Engine engine, String followerId) {
        try {
            byte[] text = Json.MAPPER.writeValueAsString(state(engine, followerId)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode rename(JsonNode node, Map<String, String> names) {
        if (node.isTextual()) {
            Matcher m = MINTED.matcher(node.asText());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(names.getOrDefault(m.group(), m.group())));
            }
            m.appendTail(sb);
            return TextNode.valueOf(sb.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), rename(e.getValue(), names)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.array();
            node.forEach(e -> copy.add(rename(e, names)));
            return copy;
        }
        return node;
    }
}
