package com.copyguard.cluster.ingress;

import com.copyguard.api.CommandEdge;
import com.copyguard.api.ReadOperations;
import com.copyguard.cluster.DeskKey;
import com.copyguard.cluster.FollowerTotals;
import com.copyguard.cluster.QueryRecord;
import com.copyguard.cluster.ShardReply;
import com.copyguard.cluster.ShardRouting;
import com.copyguard.cluster.StateCheckpoint;
import com.copyguard.core.model.Decimals;
import com.copyguard.core.paging.Cursor;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.screening.FollowerResults;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
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
 *     for its share of the followers' results (in rounds of bounded records), then shard 0 screens
 *     with the exact sums ({@link FollowerTotals});</li>
 * <li>desk-wide decisions and risk actions: every shard, each for a page below the cursor's key,
 *     merged into the cluster's one newest-first order ({@link DeskMerge}, {@link DeskCursor}).</li>
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
     * A desk-wide list in the cluster's one newest-first order ({@link com.copyguard.cluster.DeskKey}):
     * every shard is asked for at most {@code limit} of its items below the cursor's key, each with
     * its key, and the pages are merged by key ({@link DeskMerge}). An oldest-first cursor (the
     * {@code next} of a fan-out reply) names a position in one shard's log: with one shard it goes
     * there as on the single node; a cluster of several never hands one out (its merged replies
     * have no cursor), so there it is refused as any cursor it did not make.
     */
    private CompletableFuture<CommandEdge.Answer> desk(ReadOperations.Request r, String confinedTo,
                                                       IngressMetrics.Read probe) {
        String cursor = r.queryValue("cursor");
        if (oldestFirst(cursor)) {
            if (routing.shards() == 1) {
                return one(0, r, confinedTo, probe);
            }
            throw DeskCursor.notOurs(cursor);
        }
        DeskKey below = DeskCursor.decode(cursor, routing.shards());
        ReadOperations.Request base = r.withQuery("cursor", null);
        ReadOperations.query(base); // every other parameter is checked here, once, not by each shard
        int limit = ReadOperations.limit(base);
        return ask(probe, allShardsFrom(0), QueryRecord.encodeDesk(base, below), confinedTo).handle((replies, error) -> {
            if (error != null) {
                return answer(error);
            }
            List<ShardReply> byShard = sorted(replies);
            for (ShardReply reply : byShard) {
                if (reply.refused() || reply.status() != 200) {
                    return answer(reply);
                }
            }
            try {
                return new CommandEdge.Answer(200, DeskMerge.merge(byShard, limit), null);
            } catch (IllegalStateException e) {
                // a shard that answers pages without keys runs an older version (upgrade workers first)
                return new CommandEdge.Answer(0, com.copyguard.json.Json.object().put("error", "INTERNAL_ERROR")
                        .put("message", e.getMessage()), RefusalCode.INTERNAL_ERROR);
            }
        });
    }

    /** Whether {@code cursor} is a single node's oldest-first cursor (a fan-out reply's). */
    private static boolean oldestFirst(String cursor) {
        if (cursor == null) {
            return false;
        }
        try {
            return Cursor.request(cursor, 1).oldestFirst();
        } catch (InputRefused e) {
            return false;
        }
    }

    /**
     * A screening read, exact across shards in two steps: every shard's share of the followers'
     * results (of the one expert, or of every expert for the leaderboard, whose filters and ranking
     * depend on them), summed exactly; then shard 0, which holds the experts' own history like every
     * shard, screens with the sums in place of its own followers'. Both steps are reads queued
     * behind earlier records, so the answer reflects every write answered before the read; writes
     * answered while it runs may be in the sums but not in shard 0's history, or the reverse.
     *
     * <p>No record carries more than {@link FollowerTotals#chunk} experts: the shares are gathered in
     * rounds (each shard's next experts in id order, {@link FollowerTotals#absorb}), and sums of more
     * experts reach shard 0 in parts sent one after the other ahead of the screening read, which
     * carries the last ({@link FollowerTotals#parts}). The ingress holds the sums of every expert
     * with followers while it answers (as the single node's ledger holds them all).
     */
    private CompletableFuture<CommandEdge.Answer> screening(ReadOperations.Request r, String confinedTo,
                                                            IngressMetrics.Read probe) {
        ReadOperations.query(r); // a bad parameter is a 400 before either step
        String expert = r.operationId().equals("getExpertScreening") ? r.path().get("expertId") : null;
        int chunk = FollowerTotals.chunk();
        TreeMap<String, FollowerResults> sums = new TreeMap<>();
        CompletableFuture<CommandEdge.Answer> gathered = expert != null
                ? round(probe, FollowerTotals.request(expert), sums, confinedTo).thenApply(next -> null)
                : rounds(probe, null, chunk, sums, confinedTo);
        return gathered.thenCompose(refused -> refused != null ? CompletableFuture.completedFuture(refused)
                        : screen(probe, r, FollowerTotals.parts(sums, chunk, UUID.randomUUID().toString()), 0, confinedTo))
                .handle((a, error) -> error != null ? answer(unwrap(error)) : a);
    }

    /** Gathers the leaderboard's rounds from {@code after} on into {@code sums}; a refused round's answer, or null. */
    private CompletableFuture<CommandEdge.Answer> rounds(IngressMetrics.Read probe, String after, int chunk,
                                                         TreeMap<String, FollowerResults> sums, String confinedTo) {
        return round(probe, FollowerTotals.request(after, chunk), sums, confinedTo).thenCompose(next ->
                next == null ? CompletableFuture.completedFuture(null) : rounds(probe, next, chunk, sums, confinedTo));
    }

    /** One round: every shard's share, absorbed into {@code sums}; completes with where the next starts (null: done). */
    private CompletableFuture<String> round(IngressMetrics.Read probe, ReadOperations.Request share,
                                            TreeMap<String, FollowerResults> sums, String confinedTo) {
        return ask(probe, allShardsFrom(0), QueryRecord.encode(share), confinedTo).thenApply(replies -> {
            for (ShardReply reply : sorted(replies)) {
                if (reply.refused() || reply.status() != 200) {
                    throw new RoundRefused(answer(reply));
                }
            }
            return FollowerTotals.absorb(sums, replies);
        });
    }

    /** Sends the sums' parts to shard 0 one after the other; the last rides with the screening read itself. */
    private CompletableFuture<CommandEdge.Answer> screen(IngressMetrics.Read probe, ReadOperations.Request r,
                                                         List<ObjectNode> parts, int i, String confinedTo) {
        if (i == parts.size() - 1) {
            return ask(probe, List.of(0), QueryRecord.encode(r, parts.get(i)), confinedTo)
                    .thenApply(answered -> answer(answered.get(0)));
        }
        return ask(probe, List.of(0), QueryRecord.encode(FollowerTotals.stageRequest(), parts.get(i)), confinedTo)
                .thenCompose(staged -> {
                    ShardReply reply = staged.get(0);
                    if (reply.refused() || reply.status() != 200) {
                        return CompletableFuture.completedFuture(answer(reply));
                    }
                    return screen(probe, r, parts, i + 1, confinedTo);
                });
    }

    /** A round some shard did not answer with its share: its answer is the read's. */
    private static final class RoundRefused extends RuntimeException {
        private final CommandEdge.Answer answer;

        RoundRefused(CommandEdge.Answer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static CommandEdge.Answer answer(Throwable error) {
        if (unwrap(error) instanceof RoundRefused refused) {
            return refused.answer;
        }
        ClusterGateway.Answer a = ClusterGateway.unavailable(error);
        return new CommandEdge.Answer(a.status(), a.body(), a.refusal());
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

}
