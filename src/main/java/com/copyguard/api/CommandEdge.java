package com.copyguard.api;

import com.copyguard.json.input.CommandParser;

import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertEquityReport;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.ExpertMarginChange;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.command.Sender;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.api.security.AccessPolicy;
import com.copyguard.api.security.AccessRule;
import com.copyguard.api.security.Caller;
import com.copyguard.api.security.SecurityOptions;
import com.copyguard.api.security.SigningKey;
import com.copyguard.api.security.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.rules.CompiledRuleSets;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.rules.RuleSource;
import com.copyguard.events.EventRing;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The single-node service's HTTP edge for state-changing commands, with the commands sent
 * somewhere else: the same contract validation, bearer tokens, roles, follower confinement, body
 * parsing, command parsers and error bodies as {@link HttpApi}, answering from a {@link Sink} (the
 * cluster's ingress sends them to Kafka). Reads ({@link ReadOperations}) and the event stream are
 * answered by the sink too; operations it does not carry answer 501 {@code NOT_IN_CLUSTER_MODE}.
 */
public final class CommandEdge {
    /** Where a parsed command goes; {@code confinedTo} is the follower a follower-only caller is held to (else null). */
    public interface Sink {
        CompletableFuture<Answer> submit(Command command, Sender sender, String confinedTo);

        /** Whether commands can be answered now (readiness). */
        boolean ready();

        /**
         * Answers a read operation ({@link ReadOperations}) where its data lives; {@code confinedTo}
         * as for {@link #submit}. May throw a 400 {@link com.copyguard.core.refusal.InputRefused}
         * for a bad parameter, before anything is asked.
         */
        CompletableFuture<Answer> read(ReadOperations.Request request, String confinedTo);

        /** The live events GET /events streams, ids assigned by the sink (null: not served). */
        EventRing events();

        /**
         * The rule set versions GET /rules lists and POST /rules/activate compiles and sends (null:
         * no rules directory; activation is not served and the list shows the active set only).
         */
        RuleSetLoader rules();

        /** Where rule proposals and shadow runs are decided (null: not served, 501). */
        default RuleAuthoring authoring() {
            return null;
        }

        /** The Prometheus text GET /metrics answers (null: not served). */
        default java.util.function.Supplier<String> metrics() {
            return null;
        }
    }

    /**
     * Rule proposals (four eyes) and shadow runs where the sink keeps them: the edge checks roles,
     * bodies and versions and compiles what it sends (a version that does not compile is a 422
     * that sends nothing); every answer is the single node's shape, or a refusal.
     */
    public interface RuleAuthoring {
        /** Proposes {@code source} (compiled here) as {@code by}: 201 with the PENDING proposal. */
        CompletableFuture<Answer> propose(RuleSource source, Sender by);

        /** Every proposal kept, oldest first. */
        CompletableFuture<Answer> proposals();

        /** One proposal (404 NOT_FOUND when unknown). */
        CompletableFuture<Answer> proposal(String proposalId);

        /**
         * Approves {@code proposalId} as {@code by}; {@code fingerprint}: its version's folder as
         * this edge reads it now (null: gone or unreadable), which must still be the proposed text.
         */
        CompletableFuture<Answer> approve(String proposalId, String fingerprint, Sender by);

        CompletableFuture<Answer> reject(String proposalId, Sender by);

        /** Starts {@code source} (compiled here) as the shadow candidate: 201 with the empty report. */
        CompletableFuture<Answer> startShadow(RuleSource source);

        CompletableFuture<Answer> shadow();

        CompletableFuture<Answer> stopShadow();
    }

    /** A status and JSON body to answer with; a refused command's status is its refusal code's (status ignored). */
    public record Answer(int status, JsonNode body, com.copyguard.core.refusal.RefusalCode refusal) {
        /** The HTTP status this answer goes out with (decided here, at the edge, from a refusal's code). */
        public int httpStatus() {
            return refusal == null ? status : RefusalStatus.of(refusal);
        }
    }

    private static final String CONFINED_TO = "copyguard.confinedTo";
    /** The command operations, each parsed by its command's own parser exactly as the single node does. */
    private static final Map<String, Function<RoutingContext, Command>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("putInstrument", ctx -> CommandParser.putInstrument(ctx.pathParam("symbol"), JsonBody.of(ctx)));
        COMMANDS.put("putExpert", ctx -> CommandParser.putExpert(ctx.pathParam("expertId"), JsonBody.of(ctx)));
        COMMANDS.put("postExpertEquity", ctx -> CommandParser.expertEquityReport(ctx.pathParam("expertId"), JsonBody.of(ctx)));
        COMMANDS.put("postFill", ctx -> CommandParser.expertFill(ctx.pathParam("expertId"), JsonBody.of(ctx)));
        COMMANDS.put("postPrices", ctx -> CommandParser.priceTick(JsonBody.of(ctx)));
        COMMANDS.put("postClock", ctx -> CommandParser.advanceClock(JsonBody.of(ctx)));
        COMMANDS.put("follow", ctx -> CommandParser.follow(JsonBody.of(ctx)));
        COMMANDS.put("patchSettings", ctx -> CommandParser.patchSettings(ctx.pathParam("subscriptionId"), JsonBody.of(ctx)));
        COMMANDS.put("stopFollowing", ctx -> CommandParser.stopFollowing(ctx.pathParam("subscriptionId"), JsonBody.of(ctx)));
        COMMANDS.put("closePosition", ctx -> CommandParser.closePosition(ctx.pathParam("subscriptionId"), JsonBody.of(ctx)));
        COMMANDS.put("pauseSubscription", ctx -> CommandParser.pauseSubscription(ctx.pathParam("subscriptionId"), JsonBody.of(ctx)));
        COMMANDS.put("resumeSubscription", ctx -> CommandParser.resumeSubscription(ctx.pathParam("subscriptionId"), JsonBody.of(ctx)));
        COMMANDS.put("changePositionMargin", ctx -> CommandParser.changePositionMargin(ctx.pathParam("subscriptionId"), JsonBody.of(ctx)));
        COMMANDS.put("changeExpertMargin", ctx -> CommandParser.expertMarginChange(ctx.pathParam("expertId"), JsonBody.of(ctx)));
        COMMANDS.put("deposit", ctx -> CommandParser.deposit(ctx.pathParam("accountId"), JsonBody.of(ctx)));
        COMMANDS.put("withdraw", ctx -> CommandParser.withdraw(ctx.pathParam("accountId"), JsonBody.of(ctx)));
    }

    private CommandEdge() {
    }

    /** The operations this edge carries. */
    public static java.util.Set<String> operations() {
        return COMMANDS.keySet();
    }

    /** Serves the contract on {@code host:port}; commands go to {@code sink}, checked at arrival against {@code wallClock}. */
    public static Future<HttpServer> serve(Vertx vertx, String host, int port, SigningKey key, SecurityOptions security,
                                           WallClockGuard wallClock, Sink sink) {
        return OpenAPIContract.from(vertx, "openapi.yaml").compose(contract -> {
            AccessPolicy policy = new AccessPolicy(contract);
            AccessControl access = new AccessControl(policy, new Tokens(vertx, key, security));
            Router router = Router.router(vertx);
            router.route().handler(HttpApi::decodableQuery);
            router.route().handler(access::authorize);
            router.get("/health/live").handler(ctx -> Exchange.json(ctx, 200, com.copyguard.json.Json.object().put("status", "UP")));
            router.get("/health/ready").handler(ctx -> {
                if (sink.ready()) {
                    Exchange.json(ctx, 200, com.copyguard.json.Json.object().put("status", "UP"));
                } else {
                    ErrorResponder.send(ctx, 503, "NOT_READY", "the ingress cannot read replies from the cluster");
                }
            });
            router.route().failureHandler(ErrorResponder::handle);
            for (int status : ErrorResponder.ROUTER_STATUSES) {
                router.errorHandler(status, ctx -> ErrorResponder.handle(ctx, status));
            }
            RouterBuilder rb = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
            rb.rootHandler(BodyHandler.create(false).setBodyLimit(HttpApi.MAX_BODY_BYTES));
            rb.rootHandler(JsonBody::parse);
            rb.rootHandler(CommandEdge::confine);
            EventRing events = sink.events();
            RuleSetLoader library = sink.rules();
            RuleAuthoring authoring = library == null ? null : sink.authoring();
            CompiledRuleSets compiled = new CompiledRuleSets();
            java.util.function.Supplier<String> metrics = sink.metrics();
            for (OpenAPIRoute route : rb.getRoutes()) {
                String operation = route.getOperation().getOperationId();
                Function<RoutingContext, Command> parse = COMMANDS.get(operation);
                if (operation.equals("listRules") && library != null) {
                    route.addHandler(ctx -> listRules(ctx, library, sink));
                } else if (operation.equals("activateRules") && library != null) {
                    route.addHandler(ctx -> activateRules(ctx, library, compiled, wallClock, sink));
                } else if (operation.equals("validateRules") && library != null) {
                    route.addHandler(ctx -> RulesRoutes.validate(ctx, library, compiled));
                } else if (AUTHORING.contains(operation) && authoring != null) {
                    route.addHandler(ctx -> authoring(ctx, operation, library, compiled, authoring));
                } else if (parse != null) {
                    route.addHandler(ctx -> command(ctx, parse, wallClock, sink));
                } else if (ReadOperations.operations().contains(operation) || operation.equals("getStateHash")) {
                    // the state hash is a read the sink answers where the state is (the cluster: at a checkpoint)
                    route.addHandler(ctx -> read(ctx, operation, sink));
                } else if (operation.equals("metrics") && metrics != null) {
                    route.addHandler(ctx -> ctx.response().putHeader("content-type", OpsEndpoints.PROMETHEUS_TEXT)
                            .end(metrics.get()));
                } else if (operation.equals("streamEvents") && events != null) {
                    route.addHandler(new EventStream(events)::handle);
                } else {
                    route.addHandler(CommandEdge::notCarried);
                }
                route.addFailureHandler(ErrorResponder::handle);
            }
            router.route("/*").subRouter(rb.createRouter());
            HttpServerOptions options = new HttpServerOptions();
            if (security.tls()) {
                options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(security.tlsCert().toString()).setKeyPath(security.tlsKey().toString()));
            }
            return vertx.createHttpServer(options).requestHandler(router)
                    .invalidRequestHandler(ErrorResponder::invalidRequest).listen(port, host);
        });
    }

    /**
     * Holds a follower-only caller to its own data as {@link AccessControl#confine} does. Whether a
     * subscription or account is the caller's own is known only to the shard that holds it, so the
     * edge lets the request through and names the follower; the shard answers 404 when it is not
     * theirs, at the moment it applies the command.
     */
    private static void confine(RoutingContext ctx) {
        Caller caller = AccessControl.caller(ctx);
        AccessRule rule = AccessControl.rule(ctx);
        if (caller != null && rule != null && rule.confines(caller.roles())) {
            ctx.put(CONFINED_TO, caller.followerId());
        }
        AccessControl.confine(ctx, new AccessControl.Owners() {
            @Override
            public CompletableFuture<String> ofSubscription(String subscriptionId) {
                return CompletableFuture.completedFuture(caller.followerId());
            }

            @Override
            public CompletableFuture<String> ofAccount(String accountId) {
                return CompletableFuture.completedFuture(caller.followerId());
            }
        });
    }

    private static void command(RoutingContext ctx, Function<RoutingContext, Command> parse, WallClockGuard wallClock,
                                Sink sink) {
        Command command;
        try {
            command = parse.apply(ctx);
            wallClock.check(command);
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        Sender sender = Exchange.sender(ctx);
        io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
        sink.submit(command, sender, ctx.get(CONFINED_TO)).whenComplete((answer, error) -> context.runOnContext(v -> {
            if (error != null) {
                ErrorResponder.fail(ctx, error);
            } else {
                Exchange.json(ctx, answer.httpStatus(), answer.body());
            }
        }));
    }

    private static void read(RoutingContext ctx, String operation, Sink sink) {
        read(ctx, operation, sink, a -> a);
    }

    private static void read(RoutingContext ctx, String operation, Sink sink, UnaryOperator<Answer> then) {
        CompletableFuture<Answer> answer;
        try {
            answer = sink.read(ReadOperations.Request.of(ctx, operation), ctx.get(CONFINED_TO));
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
        answer.whenComplete((a, error) -> context.runOnContext(v -> {
            if (error != null) {
                ErrorResponder.fail(ctx, error);
            } else {
                Answer out = then.apply(a);
                Exchange.json(ctx, out.httpStatus(), out.body());
            }
        }));
    }

    /** GET /rules: the active set as the sink reads it, with this edge's rules directory's versions. */
    private static void listRules(RoutingContext ctx, RuleSetLoader library, Sink sink) {
        RulesRoutes.blocking(ctx, () -> RulesRoutes.versions(library), versions -> read(ctx, "listRules", sink, a -> {
            if (a.refusal() == null && a.body() instanceof ObjectNode n
                    && n.get("versions") instanceof ArrayNode list) {
                list.removeAll();
                list.addAll(RulesRoutes.listing(versions).withArray("versions"));
            }
            return a;
        }));
    }

    /**
     * POST /rules/activate (admin): compiled here first, so that a version that does not compile is a
     * 422 that sends nothing; then sent as the journaled activation with its full text, as the single node does.
     */
    private static void activateRules(RoutingContext ctx, RuleSetLoader library,
                                      CompiledRuleSets compiled, WallClockGuard wallClock,
                                      Sink sink) {
        String version = RulesRoutes.postedVersion(ctx, library);
        if (version == null) {
            return;
        }
        RulesRoutes.blocking(ctx, () -> compiled.compile(library.source(version)).source(),
                source -> command(ctx, c -> ActivateRules.of(source), wallClock, sink));
    }

    /** The rule authoring operations a {@link RuleAuthoring} answers. */
    private static final java.util.Set<String> AUTHORING = java.util.Set.of("proposeRules", "listProposals",
            "approveProposal", "rejectProposal", "startShadow", "getShadow", "stopShadow");

    /**
     * A rule authoring request: a posted version is checked (400/404) and compiled here (422) before
     * anything is sent; an approval first reads its proposal, to send the fingerprint of its
     * version's folder as this edge reads it now (the shards refuse PROPOSAL_STALE on a change).
     */
    private static void authoring(RoutingContext ctx, String operation, RuleSetLoader library,
                                  CompiledRuleSets compiled, RuleAuthoring authoring) {
        Sender by = Exchange.sender(ctx);
        switch (operation) {
            case "proposeRules", "startShadow" -> {
                String version = RulesRoutes.postedVersion(ctx, library);
                if (version != null) {
                    RulesRoutes.blocking(ctx, () -> compiled.compile(library.source(version)).source(), source -> answer(ctx,
                            operation.equals("proposeRules") ? authoring.propose(source, by) : authoring.startShadow(source)));
                }
            }
            case "listProposals" -> answer(ctx, authoring.proposals());
            case "rejectProposal" -> answer(ctx, authoring.reject(ctx.pathParam("proposalId"), by));
            case "getShadow" -> answer(ctx, authoring.shadow());
            case "stopShadow" -> answer(ctx, authoring.stopShadow());
            case "approveProposal" -> {
                String id = ctx.pathParam("proposalId");
                io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
                authoring.proposal(id).whenComplete((found, error) -> context.runOnContext(v -> {
                    if (error != null || found.refusal() != null || found.status() >= 300) {
                        answer(ctx, error != null ? CompletableFuture.failedFuture(error) : CompletableFuture.completedFuture(found));
                        return;
                    }
                    String version = found.body().path("version").asText();
                    RulesRoutes.blocking(ctx, () -> folderFingerprint(library, version),
                            fingerprint -> answer(ctx, authoring.approve(id, fingerprint.orElse(null), by)));
                }));
            }
            default -> notCarried(ctx);
        }
    }

    /** The fingerprint of {@code version}'s folder as it reads now; empty when it is gone or unreadable. Blocking. */
    private static java.util.Optional<String> folderFingerprint(RuleSetLoader library, String version) {
        try {
            return library.exists(version) ? java.util.Optional.of(library.source(version).fingerprint())
                    : java.util.Optional.empty();
        } catch (com.copyguard.core.rules.RuleCompilationException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Answers the request with {@code answer} (its refusal's status, or its own) on the request's context. */
    private static void answer(RoutingContext ctx, CompletableFuture<Answer> answer) {
        io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
        answer.whenComplete((a, error) -> context.runOnContext(v -> {
            if (error != null) {
                ErrorResponder.fail(ctx, error);
            } else {
                Exchange.json(ctx, a.httpStatus(), a.body());
            }
        }));
    }

    private static void notCarried(RoutingContext ctx) {
        ErrorResponder.send(ctx, 501, "NOT_IN_CLUSTER_MODE", "this operation is not served by the cluster ingress yet"
                + " (see README, Cluster mode: Not done yet)");
    }
}
