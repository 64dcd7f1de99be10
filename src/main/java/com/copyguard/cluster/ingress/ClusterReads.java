package com.copyguard.cluster.ingress;

import com.copyguard.api.CommandEdge;
import com.copyguard.api.ReadOperations;
import com.copyguard.cluster.FollowerTotals;
import com.copyguard.cluster.QueryRecord;
import com.copyguard.cluster.ShardReply;
import com.copyguard.cluster.ShardRouting;
import com.copyguard.cluster.StateCheckpoint;
import com.copyguard.core.model.Decimals;
import com.copyguard.core.paging.Cursor;
import com.copyguard.core.screening.FollowerResults;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads through the cluster, answered by the shards that hold the data with the single node's own
 * queries ({@link ReadOperations}). A read is appended to the owning shard's log as a query record,
 * so it is answered after every earlier record of that shard: a read sent after a write's 2xx sees
 * the write. Where it goes:
 * <ul>
 * <li>a subscription or account (by id, which names its shard), a follower's subscriptions, lists
 *     filtered by subscription or held to a follower's own data: that one shard;</li>
 * <li>the market and experts' own state (instruments, equity history, trades, health), which every
 *     shard holds alike: shard 0;</li>
 * <li>{@code GET /experts/{id}}: every shard, with the figures that count followers summed exactly;</li>
 * <li>screening ({@code GET /experts}, {@code GET /experts/{id}/screening}): two steps, every shard
 *     for its share of the followers' results, then shard 0 screens with the exact sums
 *     ({@link FollowerTotals});</li>
 * <li>desk-wide decisions and risk actions: every shard from the cursor's on, whole shard pages
 *     concatenated in shard order (newest first within a shard) under a {@link DeskCursor}.</li>
 * </ul>
 * {@code GET /state/hash} goes through the sequencer as a checkpoint marker to every shard
 * ({@link StateCheckpoint}). Every read is metered ({@link IngressMetrics}).
 */
final class ClusterReads {
    private final ClusterGateway gateway;
    private final ShardRouting routing;
    private final IngressMetrics metrics;

    ClusterReads(ClusterGateway gateway, IngressMetrics metrics) {
        this.gateway = gateway;
        this.routing = gateway.routing();
        this.metrics = metrics;
    }

    /** Answers {@code r}; a bad parameter throws its 400 before anything is sent (and is not metered). */
    CompletableFuture<CommandEdge.Answer> read(ReadOperations.Request r, String confinedTo) {
        IngressMetrics.Read probe = metrics.read(r.operationId());
        return route(r, confinedTo, probe).thenApply(probe::done);
    }

    private CompletableFuture<CommandEdge.Answer> route(ReadOperations.Request r, String confinedTo,
                                                        IngressMetrics.Read probe) {
        return switch (r.operationId()) {
            case "getSubscription" -> one(routing.ofMintedId(r.path().get("subscriptionId")), r, confinedTo, probe);
            case "getAccount", "getTransactions", "previewWithdrawal" ->
                    one(routing.ofMintedId(r.path().get("accountId")), r, confinedTo, probe);
            case "listFollowerSubscriptions" -> one(routing.ofFollower(r.path().get("followerId")), r, confinedTo, probe);
            case "getDecisions", "getRiskActions" -> {
                String subscription = r.queryValue("subscriptionId");
                if (subscription != null) {
                    yield one(routing.ofMintedId(subscription), r, confinedTo, probe);
                }
                if (r.followerFilter() != null) {
                    yield one(routing.ofFollower(r.followerFilter()), r, confinedTo, probe);
                }
                yield desk(r, confinedTo, probe);
            }
            case "getExpert" -> expert(r, confinedTo, probe);
            case StateCheckpoint.OPERATION -> stateHash(r, probe);
            case "listExperts", "getExpertScreening" -> screening(r, confinedTo, probe);
            default -> one(0, r, confinedTo, probe); // market and expert state: every shard holds the same
        };
    }

    private CompletableFuture<CommandEdge.Answer> one(int shard, ReadOperations.Request r, String confinedTo,
                                                      IngressMetrics.Read probe) {
        ReadOperations.query(r); // reads the parameters: a bad one is a 400 here, not a round trip
        return ask(probe, List.of(shard), QueryRecord.encode(r), confinedTo)
                .handle((replies, error) -> error != null ? answer(error) : answer(replies.get(0)));
    }

    /**
     * An expert as the single node shows it: its own state from shard 0, the counts over its
     * followers (followers, profit share earned) summed over every shard, exactly.
     */
    private CompletableFuture<CommandEdge.Answer> expert(ReadOperations.Request r, String confinedTo,
                                                         IngressMetrics.Read probe) {
        ReadOperations.query(r);
        return ask(probe, allShardsFrom(0), QueryRecord.encode(r), confinedTo).handle((replies, error) -> {
            if (error != null) {
                return answer(error);
            }
            List<ShardReply> sorted = sorted(replies);
            for (ShardReply reply : sorted) {
                if (reply.refused()) {
                    return answer(reply);
                }
            }
            ObjectNode merged = ((ObjectNode) sorted.get(0).body()).deepCopy();
            long followers = 0;
            BigDecimal earned = BigDecimal.ZERO;
            for (ShardReply reply : sorted) {
                followers += reply.body().path("followers").asLong();
                earned = earned.add(new BigDecimal(reply.body().path("profitShareEarned").asText("0")));
            }
            merged.put("followers", Math.toIntExact(followers));
            merged.put("profitShareEarned", Decimals.plain(earned));
            return new CommandEdge.Answer(200, merged, null);
        });
    }

    /**
     * GET /state/hash at a consistent cut: a checkpoint marker through the sequencer, answered by
     * every shard after the same market-wide inputs, merged into one hash ({@link StateCheckpoint}).
     */
    private CompletableFuture<CommandEdge.Answer> stateHash(ReadOperations.Request r, IngressMetrics.Read probe) {
        probe.asked(routing.shards()); // the marker reaches every shard through the sequencer
        return gateway.checkpoint(QueryRecord.encode(r)).handle((cut, error) -> {
            if (error != null) {
                return answer(error);
            }
            for (ShardReply reply : sorted(cut.replies())) {
                if (reply.refused()) {
                    return answer(reply);
                }
            }
            return new CommandEdge.Answer(200, StateCheckpoint.merge(cut.seq(), cut.replies()), null);
        });
    }

    /**
     * A desk-wide list: each shard from the cursor's on is asked for a page; whole pages are taken
     * in shard order while they fit the limit, so the next page starts either inside the last shard
     * taken (it has more) or at the first shard not taken. Every item comes exactly once, and a page
     * may hold fewer than {@code limit} items while {@code nextCursor} is not null.
     */
    private CompletableFuture<CommandEdge.Answer> desk(ReadOperations.Request r, String confinedTo,
                                                       IngressMetrics.Read probe) {
        DeskCursor from = DeskCursor.decode(r.queryValue("cursor"), routing.shards());
        ReadOperations.Request base = r.withQuery("cursor", null);
        ReadOperations.query(base); // every other parameter is checked here, once, not by each shard
        int limit = ReadOperations.limit(base);
        ReadOperations.Request first = from.before() == Long.MAX_VALUE ? base
                : base.withQuery("cursor", Cursor.encode(from.before()));
        List<Integer> shards = allShardsFrom(from.shard());
        List<CompletableFuture<List<ShardReply>>> asks = new ArrayList<>();
        // the first shard continues from the cursor's position, the others start from their newest
        asks.add(ask(probe, List.of(from.shard()), QueryRecord.encode(first), confinedTo));
        if (shards.size() > 1) {
            asks.add(ask(probe, shards.subList(1, shards.size()), QueryRecord.encode(base), confinedTo));
        }
        return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).handle((done, error) -> {
            if (error != null) {
                return answer(error);
            }
            List<ShardReply> replies = new ArrayList<>();
            asks.forEach(a -> replies.addAll(a.join()));
            return merge(sorted(replies), from, limit);
        });
    }

    private static CommandEdge.Answer merge(List<ShardReply> byShard, DeskCursor from, int limit) {
        ArrayNode items = Json.array();
        String next = null;
        for (ShardReply reply : byShard) {
            if (reply.refused()) {
                return answer(reply);
            }
            JsonNode page = reply.body();
            int n = page.path("items").size();
            if (!items.isEmpty() && items.size() + n > limit) {
                long before = reply.shard() == from.shard() ? from.before() : Long.MAX_VALUE;
                next = new DeskCursor(reply.shard(), before).encode();
                break;
            }
            page.path("items").forEach(items::add);
            String shardNext = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
            if (shardNext != null) {
                next = new DeskCursor(reply.shard(), Cursor.decode(shardNext)).encode();
                break;
            }
        }
        ObjectNode body = Json.object();
        body.set("items", items);
        body.put("nextCursor", next);
        return new CommandEdge.Answer(200, body, null);
    }

    /**
     * A screening read, exact across shards in two steps: every shard's share of the followers'
     * results (of the one expert, or of every expert for the leaderboard, whose filters and ranking
     * depend on them), summed exactly; then shard 0, which holds the experts' own history like every
     * shard, screens with the sums in place of its own followers'. Both steps are reads queued
     * behind earlier records, so the answer reflects every write answered before the read; writes
     * answered while it runs may be in the sums but not in shard 0's history, or the reverse.
     */
    private CompletableFuture<CommandEdge.Answer> screening(ReadOperations.Request r, String confinedTo,
                                                            IngressMetrics.Read probe) {
        ReadOperations.query(r); // a bad parameter is a 400 before either step
        String expert = r.operationId().equals("getExpertScreening") ? r.path().get("expertId") : null;
        return ask(probe, allShardsFrom(0), QueryRecord.encode(FollowerTotals.request(expert)), confinedTo)
                .thenCompose(replies -> {
                    for (ShardReply reply : sorted(replies)) {
                        if (reply.refused() || reply.status() != 200) {
                            return CompletableFuture.completedFuture(answer(reply)); // e.g. 501: too many to sum
                        }
                    }
                    Map<String, FollowerResults> totals = FollowerTotals.sum(replies);
                    if (totals.size() > FollowerTotals.MAX_EXPERTS) {
                        return CompletableFuture.completedFuture(
                                new CommandEdge.Answer(501, FollowerTotals.tooMany(), null));
                    }
                    return ask(probe, List.of(0), QueryRecord.encode(r, FollowerTotals.json(totals)), confinedTo)
                            .thenApply(answered -> answer(answered.get(0)));
                })
                .handle((a, error) -> error != null ? answer(error) : a);
    }

    private CompletableFuture<List<ShardReply>> ask(IngressMetrics.Read probe, List<Integer> shards, byte[] query,
                                                    String confinedTo) {
        probe.asked(shards.size());
        return gateway.ask(shards, query, confinedTo);
    }

    private List<Integer> allShardsFrom(int first) {
        List<Integer> out = new ArrayList<>();
        for (int p = first; p < routing.shards(); p++) {
            out.add(p);
        }
        return out;
    }

    private static List<ShardReply> sorted(List<ShardReply> replies) {
        return replies.stream().sorted(Comparator.comparingInt(ShardReply::shard)).toList();
    }

    private static CommandEdge.Answer answer(ShardReply reply) {
        return new CommandEdge.Answer(reply.status(), reply.body(), reply.refusal());
    }

    private static CommandEdge.Answer answer(Throwable error) {
        ClusterGateway.Answer a = ClusterGateway.unavailable(error);
        return new CommandEdge.Answer(a.status(), a.body(), a.refusal());
    }
}
