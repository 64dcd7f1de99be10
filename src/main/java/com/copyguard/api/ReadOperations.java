package com.copyguard.api;

import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.FollowerQueries;
import com.copyguard.core.engine.Queries;
import com.copyguard.core.engine.Queries.DecisionFilter;
import com.copyguard.core.engine.Queries.RiskActionFilter;
import com.copyguard.core.engine.WithdrawalPreview;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.paging.Page;
import com.copyguard.core.paging.PageRequest;
import com.copyguard.core.paging.Pages.Positioned;
import com.copyguard.core.paging.TimeRange;
import com.copyguard.core.screening.FlagCode;
import com.copyguard.core.screening.FollowerResults;
import com.copyguard.core.screening.Leaderboard;
import com.copyguard.core.screening.ScreeningQueries;
import com.copyguard.core.screening.Verdict;
import com.copyguard.json.input.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The read operations of the contract, each turned from a plain {@link Request} into the query the
 * engine answers. The single node runs the query on its writer; the cluster carries the request to
 * the shard that holds the data and runs the same query there, so both read parameters, filters and
 * follower confinement in exactly one way. Building the query reads its parameters strictly (a bad
 * one is a 400 {@link com.copyguard.core.refusal.InputRefused}) and reads no state.
 */
public final class ReadOperations {
    /**
     * A read request, free of HTTP: its operation, path and query parameters, JSON body (null: none)
     * and the follower a confined caller's list is filtered to (null: everyone's).
     */
    public record Request(String operationId, Map<String, String> path, Map<String, List<String>> query, JsonNode body,
                          String followerFilter) {
        public Request {
            path = Map.copyOf(path);
            query = Map.copyOf(query);
        }

        /** The request {@code ctx} carries, after access control. */
        static Request of(RoutingContext ctx, String operationId) {
            return new Request(operationId, ctx.pathParams(), ListQuery.values(ctx.queryParams()),
                    ctx.get(JsonBody.KEY), AccessControl.followerFilter(ctx));
        }

        /** The same request with its query parameter {@code name} set to {@code value} (null: removed). */
        public Request withQuery(String name, String value) {
            Map<String, List<String>> q = new java.util.TreeMap<>(query);
            if (value == null) {
                q.remove(name);
            } else {
                q.put(name, List.of(value));
            }
            return new Request(operationId, path, q, body, followerFilter);
        }

        /** The single value of query parameter {@code name}, or null. */
        public String queryValue(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private static final Map<String, Function<Request, Function<Engine, ?>>> READS = new LinkedHashMap<>();
    /** The reads that screen experts, which can take the experts' follower results from outside the ledger. */
    private static final Map<String, BiFunction<Request, FollowerResults.Source, Function<Engine, ?>>> SCREENING =
            new LinkedHashMap<>();

    /** The decision and risk action lists, each item with its position in its log (the cluster merges by it). */
    private static final Map<String, Function<Request, Function<Engine, Page<? extends Positioned<?>>>>> POSITIONED =
            new LinkedHashMap<>();

    static {
        READS.put("listInstruments", r -> {
            PageRequest page = list(r).page();
            return e -> Queries.instruments(e, page);
        });
        READS.put("getExpert", r -> e -> Queries.expert(e, r.path().get("expertId")));
        READS.put("getSubscription", r -> e -> Queries.subscription(e, r.path().get("subscriptionId")));
        READS.put("getAccount", r -> e -> Queries.account(e, r.path().get("accountId")));
        READS.put("getTransactions", r -> {
            ListQuery q = list(r);
            TransactionType type = q.enumValue("type", TransactionType.class);
            TimeRange time = q.time();
            PageRequest page = q.page();
            return e -> Queries.transactions(e, r.path().get("accountId"), type, time, page);
        });
        READS.put("previewWithdrawal", r -> {
            // parsed before the query runs, so a malformed amount is refused off the writer
            if (r.body() == null) {
                throw new com.copyguard.core.refusal.InputRefused(com.copyguard.core.refusal.RefusalCode.MALFORMED_JSON,
                        "a JSON body is required");
            }
            BigDecimal amount = Fields.of(r.body(), "WithdrawalPreviewInput").positive("amount");
            return e -> WithdrawalPreview.preview(e, r.path().get("accountId"), amount);
        });
        READS.put("listFollowerSubscriptions", r -> {
            PageRequest page = list(r).page();
            return e -> FollowerQueries.followings(e, r.path().get("followerId"), page);
        });
        POSITIONED.put("getRiskActions", r -> {
            ListQuery q = list(r);
            RiskActionFilter filter = new RiskActionFilter(q.text("subscriptionId"), q.text("cause"),
                    q.enumValue("reason", ReasonCode.class), q.time());
            PageRequest page = q.pageEitherWay();
            return e -> Queries.positionedRiskActions(e, filter, page, r.followerFilter());
        });
        POSITIONED.put("getDecisions", r -> {
            ListQuery q = list(r);
            DecisionFilter filter = new DecisionFilter(q.text("expertId"), q.text("fillId"), q.text("subscriptionId"),
                    q.enumValue("outcome", Outcome.class), q.enumValue("reason", ReasonCode.class), q.time());
            PageRequest page = q.pageEitherWay();
            return e -> Queries.positionedDecisions(e, filter, page, r.followerFilter());
        });
        // the plain reads are the positioned ones without positions: one way to read filters and pages
        POSITIONED.forEach((operation, read) -> READS.put(operation, r -> {
            Function<Engine, Page<? extends Positioned<?>>> query = read.apply(r);
            return e -> query.apply(e).map(Positioned::value);
        }));
        READS.put("health", r -> Queries::health);
        READS.put("getExpertEquity", r -> e -> ScreeningQueries.equityHistory(e, r.path().get("expertId")));
        SCREENING.put("getExpertScreening", (r, followers) ->
                e -> ScreeningQueries.screening(e, r.path().get("expertId"), followers));
        SCREENING.put("listExperts", (r, followers) -> {
            ListQuery q = list(r);
            Leaderboard board = Leaderboard.of(q.enumValue("verdict", Verdict.class), q.enumValue("flag", FlagCode.class),
                    q.integer("minTradingDays"), q.text("sort"), q.text("order"));
            PageRequest page = q.page();
            return e -> ScreeningQueries.experts(e, board, page, followers);
        });
        SCREENING.forEach((operation, read) -> READS.put(operation, r -> read.apply(r, FollowerResults.LOCAL)));
        // the active rule set (the versions on disk are added by whoever serves GET /rules: see RulesRoutes)
        READS.put("listRules", r -> e -> RulesRoutes.listing(e, List.of()));
        READS.put("getExpertTrades", r -> {
            PageRequest page = list(r).page();
            return e -> ScreeningQueries.trades(e, r.path().get("expertId"), page);
        });
    }

    private ReadOperations() {
    }

    private static ListQuery list(Request r) {
        return ListQuery.of(r.query(), r.operationId());
    }

    /** The read operations, by operationId. */
    public static Set<String> operations() {
        return READS.keySet();
    }

    /**
     * The engine query that answers {@code request}; its parameters are read now, so a bad one
     * throws a 400 here, before anything is asked of the engine.
     */
    public static Function<Engine, ?> query(Request request) {
        Function<Request, Function<Engine, ?>> read = READS.get(request.operationId());
        if (read == null) {
            throw new IllegalArgumentException("not a read operation: " + request.operationId());
        }
        return read.apply(request);
    }

    /**
     * The query that answers {@code request} (GET /decisions or GET /risk-actions) with each item's
     * position in its log: a cluster shard's share of a desk-wide list, merged across shards by it.
     */
    public static Function<Engine, Page<? extends Positioned<?>>> positionedQuery(Request request) {
        Function<Request, Function<Engine, Page<? extends Positioned<?>>>> read = POSITIONED.get(request.operationId());
        if (read == null) {
            throw new IllegalArgumentException("not a positioned list: " + request.operationId());
        }
        return read.apply(request);
    }

    /** The read operations whose answer screens experts by their followers' results. */
    public static Set<String> screeningOperations() {
        return SCREENING.keySet();
    }

    /**
     * The query that answers screening read {@code request} with the experts' follower results taken
     * from {@code followers} instead of the ledger (the cluster supplies them summed over its shards).
     */
    public static Function<Engine, ?> screeningQuery(Request request, FollowerResults.Source followers) {
        BiFunction<Request, FollowerResults.Source, Function<Engine, ?>> read = SCREENING.get(request.operationId());
        if (read == null) {
            throw new IllegalArgumentException("not a screening read: " + request.operationId());
        }
        return read.apply(request, followers);
    }

    /** The page size a list request asks for ({@code limit}, or the contract's default). */
    public static int limit(Request request) {
        return list(request).page().limit();
    }

    /** Binds every read operation to {@code exchange}'s writer (the single node). */
    static void bind(Exchange exchange, io.vertx.ext.web.openapi.router.RouterBuilder rb) {
        for (String operation : READS.keySet()) {
            if (operation.equals("listRules")) {
                continue; // RulesRoutes answers it with the rules directory's versions
            }
            rb.getRoute(operation).addHandler(ctx -> {
                Function<Engine, ?> query;
                try {
                    query = query(Request.of(ctx, operation));
                } catch (RuntimeException e) {
                    ErrorResponder.fail(ctx, e);
                    return;
                }
                exchange.query(ctx, query);
            });
        }
    }
}
