package com.copyguard.app.scenario;

import com.copyguard.json.input.InstrumentCatalog;
import com.copyguard.core.command.AdvanceClock;
import com.copyguard.durability.replay.ReplayEntry;
import com.copyguard.durability.replay.Replayer;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertEquityReport;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.command.Withdraw;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.Json;
import com.copyguard.json.input.CommandParser;
import com.copyguard.json.ApiJson;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.screening.EngineAssembly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scenario's world: a real {@link Engine} running the rule set under test, fed the same
 * commands the HTTP API would build (each step's JSON goes through the command's own parser).
 * It fills in what authors should not have to write: event times, fill ids, defaults, and the
 * subscription and account ids the engine assigns.
 */
final class ScenarioWorld {
    /** 2023-11-14T22:13:20Z: the event clock a scenario starts at. */
    static final long START_TIME = 1_700_000_000_000L;
    /** Steps without a time are a minute apart: clear of per-second limits such as the expert open frequency. */
    private static final long TICK = 60_000L;
    private static final long DAY = 86_400_000L;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(subscription|account):([^}/]+)(?:/([^}]+))?}");

    private final Engine engine;
    /** Applies each step as a recorded input: a "command" step that activates rules switches them. */
    private final Replayer replayer;
    private long steps;
    private long clock = START_TIME;
    private int fillSeq;
    private int requestSeq;
    private final Set<String> experts = new LinkedHashSet<>();
    /** "follower/expert" → subscription id, and the same for accounts. */
    private final Map<String, String> subscriptions = new LinkedHashMap<>();
    private final Map<String, String> accounts = new LinkedHashMap<>();

    ScenarioWorld(RuleSet rules) {
        this.engine = EngineAssembly.create(new ActiveRules(rules));
        this.replayer = Replayer.of(engine);
        try {
            for (PutInstrument i : InstrumentCatalog.load(null)) {
                if (replayer.apply(ReplayEntry.of(++steps, i)) instanceof Replayer.Refused r) {
                    throw r.refusal();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Engine engine() {
        return engine;
    }

    /** Result of one step: the engine's answer as the API shows it, or the code of the error that refused the input. */
    record Outcome(JsonNode reply, String errorCode, String errorMessage) {
        boolean refused() {
            return errorCode != null;
        }
    }

    /** Applies a step; a refusal is returned, not thrown, so "when" steps can expect one. */
    Outcome step(JsonNode step) {
        JsonNode substituted = substitute(step);
        if (substituted.isObject() && substituted.has("equity") && substituted.get("equity").has("values")) {
            return equityCurve(object(substituted.get("equity"), "equity"));
        }
        return apply(command(substituted));
    }

    /**
     * {"equity": {"expertId"?, "from"?, "every"?, "values": [...]}}: one equity report per value,
     * {@code every} ms apart (default one day), from {@code from} (default the next tick).
     */
    private Outcome equityCurve(ObjectNode body) {
        String expert = defaultExpert(body, "equity");
        long every = body.path("every").asLong(DAY);
        long time = nextTime(body.get("from"));
        Outcome last = null;
        for (JsonNode value : body.get("values")) {
            ObjectNode report = Json.object();
            report.set("equity", value);
            report.put("time", time);
            clock = Math.max(clock, time);
            try {
                last = apply(CommandParser.expertEquityReport(expert, report));
            } catch (InputRefused e) {
                throw new ScenarioException("equity step is invalid: " + e.getMessage());
            }
            if (last.refused()) {
                return last;
            }
            time += every;
        }
        if (last == null) {
            throw new ScenarioException("equity step needs at least one value");
        }
        return last;
    }

    private Outcome apply(Command command) {
        Replayer.Step step = replayer.apply(ReplayEntry.of(++steps, command));
        if (step instanceof Replayer.Refused r) {
            return new Outcome(null, r.refusal().errorCode(), r.refusal().getMessage());
        }
        JsonNode reply = ApiJson.tree(((Replayer.Applied) step).result());
        remember(command, reply);
        return new Outcome(reply, null, null);
    }

    private void remember(Command command, JsonNode reply) {
        if (command instanceof Follow f) {
            String key = f.followerId() + "/" + f.expertId();
            subscriptions.put(key, reply.path("subscriptionId").asText());
            accounts.put(key, reply.path("accountId").asText());
        } else if (command instanceof PutExpert e) {
            experts.add(e.expertId());
        }
    }

    /** Subscription id → "follower/expert", for reports. */
    Map<String, String> subscriptionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        subscriptions.forEach((who, id) -> names.put(id, who));
        return names;
    }

    /** The subscription of {@code follower} (with {@code expert}, needed when it follows several). */
    String subscriptionOf(String follower, String expert) {
        return lookup(subscriptions, "subscription", follower, expert);
    }

    String accountOf(String follower, String expert) {
        return lookup(accounts, "account", follower, expert);
    }

    private static String lookup(Map<String, String> ids, String what, String follower, String expert) {
        if (expert != null) {
            String id = ids.get(follower + "/" + expert);
            if (id == null) {
                throw new ScenarioException("no " + what + " of follower '" + follower + "' following '" + expert + "'");
            }
            return id;
        }
        List<String> found = new ArrayList<>();
        ids.forEach((k, v) -> {
            if (k.startsWith(follower + "/") && !found.contains(v)) {
                found.add(v);
            }
        });
        if (found.size() != 1) {
            throw new ScenarioException(found.isEmpty() ? "follower '" + follower + "' has no " + what
                    : "follower '" + follower + "' has several " + what + "s: name the expert too ('" + follower + "/EXPERT')");
        }
        return found.get(0);
    }

    private long nextTime(JsonNode explicit) {
        if (explicit != null && explicit.canConvertToLong()) {
            clock = Math.max(clock, explicit.asLong());
            return explicit.asLong();
        }
        clock += TICK;
        return clock;
    }

    private String defaultExpert(ObjectNode body, String step) {
        if (body.hasNonNull("expertId")) {
            return body.get("expertId").asText();
        }
        if (experts.size() == 1) {
            return experts.iterator().next();
        }
        throw new ScenarioException(step + " needs an expertId (" + experts.size() + " experts are defined)");
    }

    private Command command(JsonNode step) {
        if (!step.isObject() || step.size() == 0) {
            throw new ScenarioException("a step must be an object such as {\"fill\": {...}}, got " + step);
        }
        String kind = step.fieldNames().next();
        JsonNode arg = step.get(kind);
        try {
            return switch (kind) {
                case "fill" -> fill(object(arg, kind));
                case "prices" -> prices(arg, step.get("time"));
                case "clock" -> new AdvanceClock(nextTime(arg));
                case "expert" -> expert(object(arg, kind));
                case "instrument" -> instrument(object(arg, kind));
                case "equity" -> equity(object(arg, kind));
                case "follow" -> follow(object(arg, kind));
                case "deposit" -> deposit(object(arg, kind));
                case "withdraw" -> withdraw(object(arg, kind));
                case "settings" -> settings(object(arg, kind));
                case "command" -> CommandCodec.decode(Json.MAPPER.writeValueAsString(arg));
                default -> throw new ScenarioException("unknown step '" + kind + "'; steps are fill, prices, clock, "
                        + "expert, equity, instrument, follow, deposit, withdraw, settings and command");
            };
        } catch (InputRefused e) {
            throw new ScenarioException(kind + " step is invalid: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new ScenarioException("command step is not a journal command: " + e.getMessage());
        }
    }

    private static ObjectNode object(JsonNode arg, String kind) {
        if (arg == null || !arg.isObject()) {
            throw new ScenarioException(kind + " step needs an object");
        }
        return ((ObjectNode) arg).deepCopy();
    }

    private ExpertFill fill(ObjectNode body) {
        String expert = defaultExpert(body, "fill");
        if (!body.has("fillId")) {
            body.put("fillId", "fill-" + (++fillSeq));
        }
        if (!body.has("marginMode")) {
            body.put("marginMode", "CROSS");
        }
        if (!body.has("status")) {
            body.put("status", "FILLED");
        }
        body.put("time", nextTime(body.get("time")));
        return CommandParser.expertFill(expert, body);
    }

    /** {"prices": {"BTCUSDT": "50000"}} or {"prices": [{"symbol": ..., "price": ...}]}, optional "time". */
    private PriceTick prices(JsonNode arg, JsonNode time) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("prices");
        if (arg != null && arg.isObject()) {
            arg.fields().forEachRemaining(e -> list.addObject().put("symbol", e.getKey()).set("price", e.getValue()));
        } else if (arg != null && arg.isArray()) {
            arg.forEach(list::add);
        } else {
            throw new ScenarioException("prices step needs {symbol: price} or [{symbol, price}]");
        }
        body.put("time", nextTime(time));
        return CommandParser.priceTick(body);
    }

    private PutExpert expert(ObjectNode body) {
        if (!body.hasNonNull("expertId")) {
            throw new ScenarioException("expert step needs an expertId");
        }
        return CommandParser.putExpert(body.remove("expertId").asText(), body);
    }

    /** One equity report: {"expertId"?, "time"?, "equity", "transfer"?}. */
    private ExpertEquityReport equity(ObjectNode body) {
        String expert = defaultExpert(body, "equity");
        body.put("time", nextTime(body.get("time")));
        body.remove("expertId");
        return CommandParser.expertEquityReport(expert, body);
    }

    private PutInstrument instrument(ObjectNode body) {
        if (!body.hasNonNull("symbol")) {
            throw new ScenarioException("instrument step needs a symbol");
        }
        return CommandParser.putInstrument(body.remove("symbol").asText(), body);
    }

    private Follow follow(ObjectNode body) {
        body.put("expertId", defaultExpert(body, "follow"));
        body.put("time", nextTime(body.get("time")));
        return CommandParser.follow(body);
    }

    /** {"follower": "bob", "amount": "100"} (or "accountId"); requestId and time are filled in. */
    private Deposit deposit(ObjectNode body) {
        String account = body.hasNonNull("accountId") ? body.get("accountId").asText()
                : accountOf(text(body, "follower", "deposit"), body.hasNonNull("expert") ? body.get("expert").asText() : null);
        if (!body.has("requestId")) {
            body.put("requestId", "scenario-" + (++requestSeq));
        }
        body.put("time", nextTime(body.get("time")));
        body.remove(java.util.List.of("accountId", "follower", "expert"));
        return CommandParser.deposit(account, body);
    }

    /** {"follower": "bob", "amount": "100"} (or "accountId"), as a deposit: a withdrawal request. */
    private Withdraw withdraw(ObjectNode body) {
        String account = body.hasNonNull("accountId") ? body.get("accountId").asText()
                : accountOf(text(body, "follower", "withdraw"), body.hasNonNull("expert") ? body.get("expert").asText() : null);
        if (!body.has("requestId")) {
            body.put("requestId", "scenario-" + (++requestSeq));
        }
        body.put("time", nextTime(body.get("time")));
        body.remove("follower");
        body.remove("expert");
        body.remove("accountId");
        return CommandParser.withdraw(account, body);
    }

    /** {"follower": "bob", "expert"?: "alice", "patch": {...settings}}. */
    private PatchSettings settings(ObjectNode body) {
        String sub = body.hasNonNull("subscriptionId") ? body.get("subscriptionId").asText()
                : subscriptionOf(text(body, "follower", "settings"), body.hasNonNull("expert") ? body.get("expert").asText() : null);
        JsonNode patch = body.get("patch");
        if (patch == null || !patch.isObject()) {
            throw new ScenarioException("settings step needs a patch object");
        }
        return CommandParser.patchSettings(sub, patch);
    }

    private static String text(ObjectNode body, String field, String step) {
        if (!body.hasNonNull(field)) {
            throw new ScenarioException(step + " step needs '" + field + "'");
        }
        return body.get(field).asText();
    }

    /** Replaces ${subscription:FOLLOWER[/EXPERT]} and ${account:FOLLOWER[/EXPERT]} in every string. */
    JsonNode substitute(JsonNode node) {
        if (node.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(node.asText());
            if (!m.find()) {
                return node;
            }
            return TextNode.valueOf(m.replaceAll(r -> Matcher.quoteReplacement(
                    r.group(1).equals("subscription") ? subscriptionOf(r.group(2), r.group(3))
                            : accountOf(r.group(2), r.group(3)))));
        }
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), substitute(e.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.array();
            node.forEach(n -> copy.add(substitute(n)));
            return copy;
        }
        return node;
    }
}
