package com.copyguard.api;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.json.input.Fields;
import com.copyguard.core.engine.EngineEvents;
import com.copyguard.json.Json;
import com.copyguard.json.ApiJson;
import com.copyguard.core.rules.CompiledRuleSets;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.rules.RuleSource;
import com.copyguard.core.rules.ShadowReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The rule authoring endpoints. Compiling takes seconds, so it runs on a Vert.x worker thread,
 * never on the event loop or the writer; only the finished swap (activation, through the journal)
 * or the shadow switch goes to the single writer.
 */
final class RulesRoutes {
    private final Exchange exchange;
    private final RuleSetLoader library;
    private final CompiledRuleSets compiled;
    private final EngineEvents events;
    private final RuleProposals proposals = new RuleProposals();

    RulesRoutes(Exchange exchange, RuleSetLoader library, CompiledRuleSets compiled, EngineEvents events) {
        this.exchange = exchange;
        this.library = library;
        this.compiled = compiled;
        this.events = events;
    }

    void bind(RouterBuilder rb) {
        rb.getRoute("listRules").addHandler(this::list);
        rb.getRoute("activateRules").addHandler(this::activate);
        rb.getRoute("validateRules").addHandler(this::validate);
        rb.getRoute("proposeRules").addHandler(this::propose);
        rb.getRoute("listProposals").addHandler(ctx -> {
            ArrayNode arr = Json.array();
            proposals.all().forEach(p -> arr.add(proposalView(p)));
            Exchange.json(ctx, 200, arr);
        });
        rb.getRoute("approveProposal").addHandler(this::approve);
        rb.getRoute("rejectProposal").addHandler(ctx -> {
            try {
                RuleProposals.Proposal p = proposals.take(ctx.pathParam("proposalId"), Exchange.sender(ctx), false);
                Exchange.json(ctx, 200, proposalView(p));
            } catch (RuntimeException e) {
                ErrorResponder.fail(ctx, e);
            }
        });
        rb.getRoute("startShadow").addHandler(this::startShadow);
        rb.getRoute("getShadow").addHandler(ctx -> exchange.query(ctx, e -> shadowView(
                e.rules().shadow().report(), true)));
        rb.getRoute("stopShadow").addHandler(ctx -> exchange.query(ctx, e -> {
            ShadowReport last = e.rules().shadow().stop();
            if (last == null) {
                throw new InputRefused(RefusalCode.NO_SHADOW_RUN, "no shadow run is active");
            }
            return shadowView(last, false);
        }));
    }

    private void list(RoutingContext ctx) {
        blocking(ctx, () -> versions(library), versions -> exchange.query(ctx, e -> listing(e, versions)));
    }

    /** Every version folder of {@code library}, read (not compiled); an unreadable one says why. Blocking. */
    static List<RuleSource> versions(RuleSetLoader library) {
        List<RuleSource> versions = new ArrayList<>();
        for (String v : library.versions()) {
            try {
                versions.add(library.source(v));
            } catch (RuleCompilationException e) {
                versions.add(RuleSource.of(v, "(unreadable: " + String.join("; ", e.messages()) + ")", Map.of()));
            }
        }
        return versions;
    }

    /** {versions: [...]}: {@code versions} as GET /rules lists them. */
    static ObjectNode listing(List<RuleSource> versions) {
        ObjectNode n = Json.object();
        ArrayNode arr = n.putArray("versions");
        for (RuleSource v : versions) {
            ObjectNode vn = arr.addObject();
            vn.put("version", v.version());
            vn.put("description", v.description());
            vn.put("files", v.files().size());
            vn.put("fingerprint", v.fingerprint());
        }
        return n;
    }

    /** GET /rules: the active rule set, {@code versions}, the shadow run and the last activation. */
    static ObjectNode listing(com.copyguard.core.engine.Engine e, List<RuleSource> versions) {
        RuleSet active = e.rules().get();
        ObjectNode n = Json.object();
        n.put("active", active.version());
        n.put("activeDescription", active.description());
        n.put("activeFingerprint", active.source().fingerprint());
        n.set("versions", listing(versions).get("versions"));
        n.put("shadow", e.rules().shadow().running() ? e.rules().shadow().report().version() : null);
        com.copyguard.core.engine.RulesProcessor.Activation last = e.lastActivation();
        if (last != null) {
            ObjectNode a = n.putObject("lastActivation");
            a.put("version", last.version());
            a.put("proposalId", last.proposalId());
            a.set("proposedBy", last.proposedBy() == null ? null : ApiJson.tree(last.proposedBy()));
            a.set("approvedBy", last.approvedBy() == null ? null : ApiJson.tree(last.approvedBy()));
        }
        return n;
    }

    private void activate(RoutingContext ctx) {
        String version = postedVersion(ctx);
        if (version == null) {
            return;
        }
        blocking(ctx, () -> {
            try {
                return compiled.compile(library.source(version)).source();
            } catch (RuleCompilationException e) {
                events.rulesActivationFailed(version, "RULES_INVALID");
                throw e;
            }
        }, source -> exchange.command(ctx, () -> ActivateRules.of(source)));
    }

    /** A rules-author proposes a version: it must exist and compile; 201 with the proposal, pending approval. */
    private void propose(RoutingContext ctx) {
        String version = postedVersion(ctx);
        if (version == null) {
            return;
        }
        blocking(ctx, () -> compiled.compile(library.source(version)).source(), source -> {
            RuleProposals.Proposal p = proposals.propose(version, source.fingerprint(), Exchange.sender(ctx),
                    System.currentTimeMillis());
            Exchange.json(ctx, 201, proposalView(p));
        });
    }

    /**
     * A rules-admin who did not propose it approves a proposal: the proposed text (unchanged since,
     * by its fingerprint) is activated through the journal with both people.
     */
    private void approve(RoutingContext ctx) {
        RuleProposals.Proposal p;
        try {
            p = proposals.take(ctx.pathParam("proposalId"), Exchange.sender(ctx), true);
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        blocking(ctx, () -> {
            try {
                RuleSource source = library.source(p.version);
                if (!source.fingerprint().equals(p.fingerprint)) {
                    throw new InputRefused(RefusalCode.PROPOSAL_STALE, "rule set " + p.version
                            + " changed on disk since it was proposed as " + p.id + ": propose it again");
                }
                return compiled.compile(source).source();
            } catch (RuntimeException | RuleCompilationException e) {
                proposals.approvalDone(p, false);
                throw e;
            }
        }, source -> exchange.submit(ctx, ActivateRules.of(source).approved(p.id, p.proposedBy, p.decidedBy),
                ok -> proposals.approvalDone(p, ok)));
    }

    private static ObjectNode proposalView(RuleProposals.Proposal p) {
        return ProposalView.of(p.id, p.version, p.fingerprint, p.status.name(), p.proposedBy, p.decidedBy);
    }

    private void startShadow(RoutingContext ctx) {
        String version = postedVersion(ctx);
        if (version == null) {
            return;
        }
        blocking(ctx, () -> compiled.compile(library.source(version)), rules -> exchange.query(ctx, ResultStatus.CREATED, e -> {
            e.rules().shadow().start(rules);
            return shadowView(e.rules().shadow().report(), true);
        }));
    }

    private void validate(RoutingContext ctx) {
        validate(ctx, library, compiled);
    }

    /**
     * {version} compiles a folder of {@code library}; {drl} or {files: {name: text}} compiles posted
     * text. Changes nothing (the cluster ingress answers it the same way, with its own rules folder).
     */
    static void validate(RoutingContext ctx, RuleSetLoader library, CompiledRuleSets compiled) {
        JsonNode body;
        String version;
        Map<String, String> files = new TreeMap<>();
        try {
            body = JsonBody.of(ctx);
            Fields f = Fields.of(body, "ValidateInput");
            if (f.has("drl")) {
                files.put("posted.drl", body.get("drl").asText());
            }
            if (f.has("files")) {
                body.get("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
            }
            if (files.isEmpty()) {
                version = versionName(library, f.text("version"));
            } else {
                version = f.has("version") ? f.text("version") : "posted";
                files.keySet().forEach(name -> {
                    if (!name.matches("[A-Za-z0-9._-]{1,64}\\.drl")) {
                        throw InputRefused.invalid("file names must be 1-64 safe characters ending in .drl: " + name);
                    }
                });
            }
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        boolean posted = !files.isEmpty();
        blocking(ctx, () -> {
            RuleSource source = posted ? RuleSource.of(version, "posted for validation", files) : library.source(version);
            ObjectNode n = Json.object();
            n.put("version", source.version());
            try {
                RuleSet rules = posted ? RuleSetLoader.compile(source) : compiled.compile(source);
                n.put("valid", true);
                n.put("rules", rules.ruleCount());
                n.putArray("messages");
            } catch (RuleCompilationException e) {
                n.put("valid", false);
                ArrayNode messages = n.putArray("messages");
                e.messages().forEach(messages::add);
            }
            return n;
        }, n -> Exchange.json(ctx, 200, n));
    }

    /** The body's {@code version}, checked by {@link #versionName}; null once the error is answered. */
    private String postedVersion(RoutingContext ctx) {
        return postedVersion(ctx, library);
    }

    /** The {@code version} of a VersionInput body, a folder of {@code library}; else the request is answered 400/404 and null returned. */
    static String postedVersion(RoutingContext ctx, RuleSetLoader library) {
        try {
            return versionName(library, Fields.of(JsonBody.of(ctx), "VersionInput").text("version"));
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return null;
        }
    }

    private static String versionName(RuleSetLoader library, String version) {
        if (!RuleSetLoader.VERSION_NAME.matcher(version).matches()) {
            throw InputRefused.invalid("version must be a folder name: letters, digits, '.', '_' or '-'");
        }
        if (!library.exists(version)) {
            throw InputRefused.notFound("rule set version", version);
        }
        return version;
    }

    /** Runs {@code work} on a worker thread, then {@code next} on the request's context. */
    static <T> void blocking(RoutingContext ctx, Callable<T> work, Consumer<T> next) {
        // Ordered: compilations queue up one at a time instead of competing for the CPU with inputs.
        ctx.vertx().executeBlocking(work, true).onComplete(ar -> {
            if (ar.failed()) {
                if (ar.cause() instanceof RuleCompilationException e) {
                    rejectCompilation(ctx, e);
                } else {
                    ErrorResponder.fail(ctx, ar.cause());
                }
            } else {
                next.accept(ar.result());
            }
        });
    }

    /** 422 with the compiler's messages; nothing was activated. */
    private static void rejectCompilation(RoutingContext ctx, RuleCompilationException e) {
        ObjectNode n = Json.error("RULES_INVALID", e.getMessage());
        ArrayNode messages = n.putArray("messages");
        e.messages().forEach(messages::add);
        Exchange.json(ctx, 422, n);
    }

    static ObjectNode shadowView(ShadowReport r, boolean withRunning) {
        return ShadowView.of(r, withRunning);
    }
}
