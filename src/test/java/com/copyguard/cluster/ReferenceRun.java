package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.cluster.ingress.ClusterGateway;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.durability.Engines;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.Json;
import com.copyguard.core.engine.Result;
import com.copyguard.api.ResultStatus;
import com.copyguard.json.ApiJson;
import com.copyguard.core.refusal.Refusal;
import com.copyguard.core.refusal.RefusalCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Drives one generated input stream through a single-node engine (the oracle) and the cluster, one
 * input at a time, and checks each answer against the oracle's: same status, same error code, and
 * for a fill the same decisions per follower. At the end every follower's state digest must match.
 */
final class ReferenceRun {
    private final Engine single = Engines.fresh();
    private final InProcessCluster cluster;
    private final EveryKindMix mix;
    private final IdTranslation ids = new IdTranslation();
    private final Set<String> followers = new LinkedHashSet<>();
    private final List<String> acknowledgedFills = new ArrayList<>();
    private final List<Command> leftOut = new ArrayList<>();
    /** How many inputs each error code refused, in both runs alike. */
    private final java.util.Map<String, Integer> refusals = new java.util.TreeMap<>();
    private final java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
    private int sent;
    /** The single engine's decision and risk log sizes when each market-wide input was sent: where each span starts. */
    private final List<Long> decisionMarks = new ArrayList<>();
    private final List<Long> riskMarks = new ArrayList<>();

    ReferenceRun(InProcessCluster cluster, long seed, int experts, int maxSubscriptions) {
        this.cluster = cluster;
        this.mix = new EveryKindMix(seed, single, experts, maxSubscriptions);
    }

    /** The setup (rules, instruments, experts, {@code followersPerExpert} follows each), then {@code inputs} more; {@code before} runs before each input with its index. */
    void run(int followersPerExpert, int inputs, IntConsumer before) {
        for (Command c : mix.setup(followersPerExpert)) {
            step(c);
        }
        for (int i = 0; i < inputs; i++) {
            before.accept(i);
            step(mix.next());
        }
    }

    /** More inputs after the run, each checked against the oracle like the stream's; none may be left out. */
    void send(List<Command> commands) {
        int before = leftOut.size();
        for (Command c : commands) {
            step(c);
        }
        assertThat(leftOut.size()).as("inputs left out").isEqualTo(before);
    }

    private void step(Command c) {
        sent++;
        long decisionsBefore = single.decisions().size();
        long riskActionsBefore = single.riskLog().size();
        ClusterGateway.Answer expected = applySingle(c);
        if ((expected.refusal() == RefusalCode.RULE_FAILED || expected.refusal() == RefusalCode.RULE_RUNAWAY)
                && cluster.routing().of(c) == ShardRouting.MARKET) {
            // The rules failed on this market-wide input in the single engine (RULE_RUNAWAY: v2 loops on some
            // opens). A shard can refuse it only where its own followers make the rules fail, while the other
            // shards apply it: a known limit of this slice (README, "Cluster mode"). It changed nothing in the
            // single engine, so leaving it out of the cluster's stream keeps the two comparable.
            leftOut.add(c);
            return;
        }
        if (cluster.routing().of(c) == ShardRouting.MARKET) {
            // what the single engine logged before this market-wide input came before it (see assertSameDeskLists)
            decisionMarks.add(decisionsBefore);
            riskMarks.add(riskActionsBefore);
        }
        ClusterGateway.Answer actual = cluster.send(ids.toCluster(c));
        String what = "input #" + sent + " " + c;
        assertThat(actual.refusal()).as(what + " -> " + actual.body()).isEqualTo(expected.refusal());
        assertThat(actual.status()).as(what + " -> " + actual.body()).isEqualTo(expected.status());
        if (expected.refusal() != null) {
            assertThat(actual.body().path("error").asText()).as(what).isEqualTo(expected.body().path("error").asText());
            refusals.merge(expected.body().path("error").asText(), 1, Integer::sum);
            return;
        }
        if (c instanceof Follow f) {
            ids.learn(expected.body(), actual.body());
            followers.add(f.followerId());
        }
        if (c instanceof ExpertFill f) {
            acknowledgedFills.add(f.fillId());
            assertThat(actual.body().path("copied").asLong()).as(what).isEqualTo(expected.body().path("copied").asLong());
            assertThat(actual.body().path("rejected").asLong()).as(what).isEqualTo(expected.body().path("rejected").asLong());
            assertThat(decisions(actual.body(), null)).as(what).isEqualTo(decisions(expected.body(), ids));
            assertThat(actual.body().path("decisionSummary").path("byReason").toString()).as(what)
                    .isEqualTo(expected.body().path("decisionSummary").path("byReason").toString());
            // byReason: outcome -> reason -> count
            expected.body().path("decisionSummary").path("byReason").forEach(byOutcome -> byOutcome.fields()
                    .forEachRemaining(e -> reasons.merge(e.getKey(), e.getValue().asLong(), Long::sum)));
        }
    }

    /** A fill's decisions as sorted text, subscription ids in the cluster's names. */
    private static List<String> decisions(JsonNode body, IdTranslation translate) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : body.path("decisions")) {
            ObjectNode copy = (ObjectNode) d.deepCopy();
            if (translate != null) {
                copy.put("subscriptionId", translate.id(d.path("subscriptionId").asText()));
            }
            out.add(copy.toString());
        }
        out.sort(String::compareTo);
        return out;
    }

    /**
     * The desk-wide lists ({@code GET /decisions}, {@code GET /risk-actions} with no filter) through
     * the cluster ingress ({@code api}), walked page by page with {@code limit}, equal the single
     * engine's item for item, up to the order among the items one market-wide input's span made:
     * those a fill (or prices, ...) made and the account commands after it made before the next
     * market-wide input. The cluster orders those shard by shard (its shards apply the input
     * independently; the single engine goes through the followers in its subscription order, which
     * the cluster's ids do not keep), so each span is compared as a multiset, the spans in order.
     * The risk actions of daily checks are compared as a whole: a shard runs them at its own first
     * input of a new day. Pages hold exactly {@code limit} items while a next cursor is given.
     * Returns the items compared.
     */
    int assertSameDeskLists(com.copyguard.testing.ApiClient api, int limit) {
        int compared = 0;
        for (String operation : List.of("getDecisions", "getRiskActions")) {
            String path = operation.equals("getDecisions") ? "/decisions" : "/risk-actions";
            List<Long> marks = operation.equals("getDecisions") ? decisionMarks : riskMarks;
            List<JsonNode> expected = singlePages(operation);
            List<JsonNode> actual = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                com.copyguard.testing.ApiClient.Response page = api.get(path + "?limit=" + limit
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.status()).as(page.raw()).isEqualTo(200);
                page.body().path("items").forEach(actual::add);
                cursor = page.body().path("nextCursor").isTextual() ? page.text("nextCursor") : null;
                if (cursor != null) {
                    assertThat(page.body().path("items").size()).as(path + ": a full page while more exist").isEqualTo(limit);
                }
                assertThat(++pages).as("pages end").isLessThan(100_000 / limit + 10);
            } while (cursor != null);
            assertThat(actual).as(path + ": as many items").hasSameSizeAs(expected);
            long total = operation.equals("getDecisions") ? single.decisions().size() : single.riskLog().size();
            // each single-engine item's span: the mark of the market-wide input that opened it
            List<Long> spans = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                long position = total - 1 - i; // newest first
                long spanStart = 0;
                for (long m : marks) {
                    if (m <= position) {
                        spanStart = m;
                    }
                }
                spans.add(spanStart);
            }
            // a shard's daily checks run at its own first input of a new day, which may open a later span than
            // the single engine's (README, "desk-wide list"): those are compared as a whole, the rest span by span
            List<String> dailyWant = new ArrayList<>();
            List<String> dailyGot = new ArrayList<>();
            List<String> want = new ArrayList<>();
            List<Long> wantSpans = new ArrayList<>();
            List<String> got = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                String w = translated(expected.get(i)).toString();
                if (daily(expected.get(i))) {
                    dailyWant.add(w);
                } else {
                    want.add(w);
                    wantSpans.add(spans.get(i));
                }
                if (daily(actual.get(i))) {
                    dailyGot.add(actual.get(i).toString());
                } else {
                    got.add(actual.get(i).toString());
                }
            }
            dailyWant.sort(String::compareTo);
            dailyGot.sort(String::compareTo);
            assertThat(dailyGot).as(path + ": the daily checks' items").isEqualTo(dailyWant);
            assertThat(got).as(path + ": as many other items").hasSameSizeAs(want);
            int at = 0;
            while (at < want.size()) {
                int end = at;
                while (end < want.size() && wantSpans.get(end).equals(wantSpans.get(at))) {
                    end++;
                }
                List<String> spanWant = new ArrayList<>(want.subList(at, end));
                List<String> spanGot = new ArrayList<>(got.subList(at, end));
                spanWant.sort(String::compareTo);
                spanGot.sort(String::compareTo);
                assertThat(spanGot).as(path + " items " + at + ".." + (end - 1)).isEqualTo(spanWant);
                at = end;
            }
            compared += expected.size();
        }
        return compared;
    }

    private static boolean daily(JsonNode item) {
        return item.path("ref").asText("").startsWith("daily@");
    }

    /** The single engine's whole desk-wide list, newest first, as a client reads it off the wire. */
    private List<JsonNode> singlePages(String operation) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            java.util.Map<String, List<String>> query = new java.util.TreeMap<>();
            query.put("limit", List.of("1000"));
            if (cursor != null) {
                query.put("cursor", List.of(cursor));
            }
            JsonNode page = asSent(ApiJson.tree(com.copyguard.api.ReadOperations.query(new com.copyguard.api.ReadOperations.Request(
                    operation, java.util.Map.of(), query, null, null)).apply(single)));
            page.path("items").forEach(out::add);
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return out;
    }

    /** A single-engine item with its subscription and account ids in the cluster's names. */
    private JsonNode translated(JsonNode item) {
        ObjectNode copy = (ObjectNode) item.deepCopy();
        for (String field : new String[] {"subscriptionId", "accountId"}) {
            if (copy.path(field).isTextual()) {
                copy.put(field, ids.id(copy.get(field).asText()));
            }
        }
        String fill = copy.path("fillId").asText("");
        if (fill.startsWith("follow:") || fill.startsWith("resume:")) {
            // a catch-up copy's order names its subscription ("follow:S17:ETHUSDT:SHORT")
            String[] parts = fill.split(":", 3);
            copy.put("fillId", parts[0] + ":" + ids.id(parts[1]) + ":" + parts[2]);
        }
        String ref = copy.path("ref").asText("");
        if (ref.indexOf(':') > 0) {
            // a manual action's cause names its subscription ("manual:S27")
            copy.put("ref", ref.substring(0, ref.indexOf(':') + 1) + ids.id(ref.substring(ref.indexOf(':') + 1)));
        }
        return copy;
    }

    private ClusterGateway.Answer applySingle(Command c) {
        try {
            Result r = single.apply(c);
            return new ClusterGateway.Answer(ResultStatus.of(r), ApiJson.tree(r), null);
        } catch (Refusal e) {
            return new ClusterGateway.Answer(0, Json.object().put("error", e.errorCode()), e.code());
        }
    }

    /** Market-wide inputs the single engine's rules failed on, not sent to the cluster. */
    List<Command> leftOut() {
        return leftOut;
    }

    /** The fills' decisions by reason code, as the single engine made them (and the cluster alike). */
    java.util.Map<String, Long> reasons() {
        return reasons;
    }

    /** Inputs refused alike by the single engine and the cluster, by error code. */
    java.util.Map<String, Integer> refusals() {
        return refusals;
    }

    Engine single() {
        return single;
    }

    Set<String> followers() {
        return followers;
    }

    List<String> acknowledgedFills() {
        return acknowledgedFills;
    }

    /**
     * Every expert as {@code GET /experts/{id}} shows it through the cluster ingress ({@code api})
     * equals the single engine's view: its own state, and its followers and profit share earned
     * summed over the shards, exactly. Returns how many followers the experts have in all.
     */
    long assertSameExperts(com.copyguard.testing.ApiClient api) {
        long followers = 0;
        for (com.copyguard.core.ledger.Expert e : single.ledger().experts()) {
            JsonNode expected = ApiJson.tree(com.copyguard.core.engine.Queries.expert(single, e.expertId()));
            com.copyguard.testing.ApiClient.Response actual = api.get("/experts/" + e.expertId());
            assertThat(actual.status()).as(actual.raw()).isEqualTo(200);
            assertThat(actual.body()).as("expert " + e.expertId()).isEqualTo(expected);
            followers += expected.path("followers").asLong();
        }
        return followers;
    }

    /**
     * Expert screening through the cluster ingress ({@code api}) equals the single engine's: every
     * expert's {@code GET /experts/{id}/screening}, and every page of {@code GET /experts} under each
     * of {@code listings} (query strings, walked page by page through their cursors).
     */
    void assertSameScreening(com.copyguard.testing.ApiClient api, List<String> listings) {
        for (com.copyguard.core.ledger.Expert e : single.ledger().experts()) {
            JsonNode expected = asSent(ApiJson.tree(com.copyguard.core.screening.ScreeningQueries.screening(single, e.expertId())));
            com.copyguard.testing.ApiClient.Response actual = api.get("/experts/" + e.expertId() + "/screening");
            assertThat(actual.status()).as(actual.raw()).isEqualTo(200);
            assertThat(actual.body()).as("screening of expert " + e.expertId()).isEqualTo(expected);
        }
        for (String listing : listings) {
            String cursor = null;
            int pages = 0;
            do {
                java.util.Map<String, List<String>> query = new java.util.TreeMap<>();
                for (String pair : listing.split("&")) {
                    if (!pair.isEmpty()) {
                        query.put(pair.substring(0, pair.indexOf('=')), List.of(pair.substring(pair.indexOf('=') + 1)));
                    }
                }
                if (cursor != null) {
                    query.put("cursor", List.of(cursor));
                }
                JsonNode expected = asSent(ApiJson.tree(com.copyguard.api.ReadOperations.query(new com.copyguard.api.ReadOperations.Request(
                        "listExperts", java.util.Map.of(), query, null, null)).apply(single)));
                String target = "/experts?" + listing + (cursor == null ? "" : (listing.isEmpty() ? "" : "&") + "cursor=" + cursor);
                com.copyguard.testing.ApiClient.Response actual = api.get(target);
                assertThat(actual.status()).as(target + " -> " + actual.raw()).isEqualTo(200);
                assertThat(actual.body()).as(target).isEqualTo(expected);
                cursor = expected.path("nextCursor").isTextual() ? expected.get("nextCursor").asText() : null;
                assertThat(++pages).as("pages end").isLessThan(100);
            } while (cursor != null);
        }
    }

    /** {@code tree} as a client reads it off the wire (a long that fits an int is read as an int). */
    private static JsonNode asSent(JsonNode tree) {
        try {
            return Json.MAPPER.readTree(tree.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every follower's state on its shard equals its state in the single engine. */
    void assertSameFollowerState() {
        assertThat(followers).isNotEmpty();
        for (String f : followers) {
            assertThat(cluster.followerDigest(f)).as("state of follower " + f)
                    .isEqualTo(FollowerDigest.of(single, f));
        }
    }
}
