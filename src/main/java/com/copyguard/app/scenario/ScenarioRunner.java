package com.copyguard.app.scenario;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.json.Json;
import com.copyguard.json.ApiJson;
import com.copyguard.core.engine.RiskActionRecord;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.screening.Screening;
import com.copyguard.core.screening.ScreeningFlag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs rule scenarios ({@code rules/<version>/scenarios/*.json}) against a compiled rule set:
 * sets up the "given" world, applies the "when" inputs through the real engine and checks the
 * decisions they produced against "then". See rules/README.md for the file format.
 */
public final class ScenarioRunner {
    private static final Set<String> TOP = Set.of("description", "given", "when", "then");
    private static final Set<String> GIVEN = Set.of("instruments", "experts", "prices", "subscriptions", "fills", "steps");
    private static final Set<String> THEN = Set.of("decisions", "riskActions", "exactly", "error", "accounts",
            "subscriptions", "screening", "riskChecksOnTicks");
    private static final Set<String> EXPECTED_ACTION = Set.of("follower", "expert", "action", "reason", "symbol", "qty",
            "price", "fired");
    private static final Set<String> EXPECTED = Set.of("follower", "expert", "fillId", "outcome", "reason", "qty",
            "leverage", "margin", "price", "fired", "notFired", "explained");

    private final RuleSet rules;

    public ScenarioRunner(RuleSet rules) {
        this.rules = rules;
    }

    /** The scenario files of a version folder, sorted by name (empty when it has none). */
    public static List<Path> scenarioFiles(Path versionFolder) throws IOException {
        Path dir = versionFolder.resolve("scenarios");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    public ScenarioResult run(Path file) {
        String name = file.getFileName().toString();
        JsonNode scenario;
        try {
            scenario = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            return new ScenarioResult(name, "", List.of("cannot read the scenario: " + e.getMessage()), List.of(), Map.of(),
                    Set.of());
        }
        return run(name, scenario);
    }

    public ScenarioResult run(String name, JsonNode scenario) {
        String description = scenario.path("description").asText("");
        List<DecisionRecord> made = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> fired = new LinkedHashSet<>();
        try {
            List<String> failures = check(scenario, made, names, fired);
            return new ScenarioResult(name, description, List.copyOf(failures), List.copyOf(made), Map.copyOf(names),
                    Set.copyOf(fired));
        } catch (ScenarioException e) {
            return new ScenarioResult(name, description, List.of("scenario error: " + e.getMessage()), List.copyOf(made),
                    Map.copyOf(names), Set.copyOf(fired));
        }
    }

    /** Runs the scenario; fills {@code made} with the decisions of the "when" inputs; returns the mismatches. */
    private List<String> check(JsonNode scenario, List<DecisionRecord> made, Map<String, String> names,
                               Set<String> fired) {
        if (!scenario.isObject()) {
            throw new ScenarioException("a scenario is a JSON object with given, when and then");
        }
        onlyKnown(scenario, TOP, "scenario");
        ScenarioWorld world = new ScenarioWorld(rules);
        given(world, scenario.path("given"));

        List<JsonNode> when = steps(scenario.get("when"), "when");
        if (when.isEmpty()) {
            throw new ScenarioException("'when' needs at least one input");
        }
        JsonNode then = scenario.get("then");
        if (then == null || !then.isObject()) {
            throw new ScenarioException("'then' is required: {decisions: [...]} and/or {error: CODE}");
        }
        onlyKnown(then, THEN, "then");

        List<String> failures = new ArrayList<>();
        long before = world.engine().decisions().size();
        long actionsBefore = world.engine().riskLog().size();
        long checkedBefore = world.engine().accountsRiskCheckedOnTicks();
        String expectedError = then.hasNonNull("error") ? then.get("error").asText() : null;
        for (int i = 0; i < when.size(); i++) {
            ScenarioWorld.Outcome o = world.step(when.get(i));
            if (!o.refused()) {
                o.reply().path("rulesFired").forEach(r -> fired.add(r.asText()));
            }
            boolean last = i == when.size() - 1;
            if (o.refused() && !(last && expectedError != null)) {
                failures.add("when[" + i + "] was refused: " + o.errorCode() + " " + o.errorMessage());
                break;
            }
            if (last && expectedError != null) {
                if (!o.refused()) {
                    failures.add("expected the last input to be refused with " + expectedError + ", but it was accepted");
                } else if (!o.errorCode().equals(expectedError)) {
                    failures.add("expected refusal " + expectedError + ", got " + o.errorCode() + ": " + o.errorMessage());
                }
            }
        }
        int count = (int) (world.engine().decisions().size() - before);
        if (count > 0) {
            made.addAll(world.engine().decisions().query(null, null, count));
        }
        names.putAll(world.subscriptionNames());
        int actionCount = (int) (world.engine().riskLog().size() - actionsBefore);
        List<RiskActionRecord> actions = actionCount > 0
                ? world.engine().riskLog().query(null, actionCount) : List.of();
        made.forEach(d -> fired.addAll(d.rulesFired()));
        actions.forEach(r -> fired.addAll(r.rulesFired()));
        if (failures.isEmpty()) {
            failures.addAll(compare(world, then, made));
            failures.addAll(compareActions(world, then, actions));
            failures.addAll(compareViews(world, then, "accounts"));
            failures.addAll(compareViews(world, then, "subscriptions"));
            failures.addAll(compareScreening(world, then));
            failures.addAll(compareRiskChecks(then, world.engine().accountsRiskCheckedOnTicks() - checkedBefore));
        }
        long missed = world.engine().riskIndexMissed();
        if (missed > 0) {
            // a sweep (the first tick after a daily check) found accounts the trigger prices would have skipped
            failures.add("the risk index missed " + missed + " account(s): a full sweep found the rules acting where"
                    + " no declared trigger price was crossed");
        }
        return failures;
    }

    /**
     * {@code riskChecksOnTicks}: how many accounts the "when" price ticks put through the risk rules.
     * With trigger prices that is the risk index's selection, so a tick that crosses no trigger
     * checks nobody; without them every holder of the symbol is checked on every tick.
     */
    private static List<String> compareRiskChecks(JsonNode then, long checked) {
        JsonNode expected = then.get("riskChecksOnTicks");
        if (expected == null || expected.isNull()) {
            return List.of();
        }
        if (!expected.canConvertToLong() || !expected.isIntegralNumber() || expected.asLong() < 0) {
            throw new ScenarioException("'riskChecksOnTicks' is a whole number of accounts, got " + expected);
        }
        return expected.asLong() == checked ? List.of()
                : List.of("expected the price ticks to put " + expected.asLong() + " account(s) through the risk rules,"
                        + " they put " + checked + " (a trigger price declared too wide, or one missing)");
    }

    private static void given(ScenarioWorld world, JsonNode given) {
        if (given.isMissingNode() || given.isNull()) {
            return;
        }
        if (!given.isObject()) {
            throw new ScenarioException("'given' must be an object");
        }
        onlyKnown(given, GIVEN, "given");
        keyed(given.get("instruments"), "symbol").forEach(i -> setup(world, wrap("instrument", i), "instrument"));
        keyed(given.get("experts"), "expertId").forEach(e -> setup(world, wrap("expert", e), "expert"));
        if (given.has("prices")) {
            setup(world, wrap("prices", given.get("prices")), "prices");
        }
        steps(given.get("subscriptions"), "subscriptions").forEach(s -> setup(world, wrap("follow", s), "follow"));
        steps(given.get("fills"), "fills").forEach(f -> setup(world, wrap("fill", f), "fill"));
        steps(given.get("steps"), "steps").forEach(s -> setup(world, s, "step"));
    }

    private static void setup(ScenarioWorld world, JsonNode step, String what) {
        ScenarioWorld.Outcome o = world.step(step);
        if (o.refused()) {
            throw new ScenarioException("given " + what + " " + step + " was refused: " + o.errorCode() + " "
                    + o.errorMessage());
        }
    }

    private static JsonNode wrap(String kind, JsonNode arg) {
        return Json.object().set(kind, arg);
    }

    /** {"BTCUSDT": {...}} or [{"symbol": "BTCUSDT", ...}] → list of objects carrying the key field. */
    private static List<JsonNode> keyed(JsonNode node, String keyField) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isObject()) {
                    throw new ScenarioException(keyField + " '" + e.getKey() + "' must map to an object");
                }
                out.add(((ObjectNode) e.getValue().deepCopy()).put(keyField, e.getKey()));
            });
        } else {
            throw new ScenarioException("expected an object or an array, got " + node);
        }
        return out;
    }

    private static List<JsonNode> steps(JsonNode node, String what) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            out.add(node);
        } else {
            throw new ScenarioException("'" + what + "' must be an object or an array of them");
        }
        return out;
    }

    private static void onlyKnown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new ScenarioException("unknown field '" + f + "' in " + where + " (known: " + new TreeSet<>(known) + ")");
            }
        }
    }

    private static List<String> compare(ScenarioWorld world, JsonNode then, List<DecisionRecord> made) {
        List<String> failures = new ArrayList<>();
        List<DecisionRecord> unmatched = new ArrayList<>(made);
        for (JsonNode expected : steps(then.get("decisions"), "decisions")) {
            onlyKnown(expected, EXPECTED, "then.decisions");
            if (!expected.hasNonNull("follower") || !expected.hasNonNull("outcome")) {
                throw new ScenarioException("each expected decision needs 'follower' and 'outcome': " + expected);
            }
            String follower = expected.get("follower").asText();
            String expert = expected.hasNonNull("expert") ? expected.get("expert").asText() : null;
            String subscription = world.subscriptionOf(follower, expert);
            String fillId = expected.hasNonNull("fillId") ? expected.get("fillId").asText() : null;
            DecisionRecord actual = null;
            for (DecisionRecord d : unmatched) {
                if (d.subscriptionId().equals(subscription) && (fillId == null || fillId.equals(d.fillId()))) {
                    actual = d;
                    break;
                }
            }
            String who = follower + (expert == null ? "" : "/" + expert) + (fillId == null ? "" : " on " + fillId);
            if (actual == null) {
                failures.add(who + ": expected " + describe(expected) + ", but no decision was made for it");
                continue;
            }
            unmatched.remove(actual);
            List<String> diffs = new ArrayList<>();
            if (!expected.get("outcome").asText().equals(actual.outcome().name())) {
                diffs.add("outcome");
            }
            String reason = expected.hasNonNull("reason") ? expected.get("reason").asText() : null;
            String actualReason = actual.reason() == null ? null : actual.reason().name();
            if (reason == null ? actualReason != null : !reason.equals(actualReason)) {
                diffs.add("reason");
            }
            decimal(expected, "qty", actual.qty(), diffs);
            decimal(expected, "margin", actual.margin(), diffs);
            decimal(expected, "price", actual.price(), diffs);
            if (expected.has("leverage") && (actual.leverage() == null
                    || expected.get("leverage").asInt() != actual.leverage())) {
                diffs.add("leverage");
            }
            fired(expected, actual.rulesFired(), diffs);
            notFired(expected, actual.rulesFired(), diffs);
            explained(expected, actual.explanation(), diffs);
            if (!diffs.isEmpty()) {
                failures.add(who + ": expected " + describe(expected) + "; got " + describe(actual) + " (differs in "
                        + String.join(", ", diffs) + ")");
            }
        }
        if (exactly(then)) {
            Map<String, String> names = world.subscriptionNames();
            for (DecisionRecord d : unmatched) {
                failures.add("unexpected decision for " + names.get(d.subscriptionId()) + " on "
                        + d.fillId() + ": " + describe(d)
                        + " (list it in then.decisions, or set \"exactly\": false)");
            }
        }
        return failures;
    }

    /** Risk actions (closes, liquidations, stops) the "when" inputs caused, matched like decisions. */
    private static List<String> compareActions(ScenarioWorld world, JsonNode then, List<RiskActionRecord> actions) {
        List<String> failures = new ArrayList<>();
        List<RiskActionRecord> unmatched = new ArrayList<>(actions);
        for (JsonNode expected : steps(then.get("riskActions"), "riskActions")) {
            onlyKnown(expected, EXPECTED_ACTION, "then.riskActions");
            if (!expected.hasNonNull("follower") || !expected.hasNonNull("action") || !expected.hasNonNull("reason")) {
                throw new ScenarioException("each expected risk action needs 'follower', 'action' and 'reason': " + expected);
            }
            String follower = expected.get("follower").asText();
            String expert = expected.hasNonNull("expert") ? expected.get("expert").asText() : null;
            String subscription = world.subscriptionOf(follower, expert);
            String action = expected.get("action").asText();
            RiskActionRecord actual = null;
            for (RiskActionRecord r : unmatched) {
                if (r.subscriptionId().equals(subscription) && r.action().equals(action)) {
                    actual = r;
                    break;
                }
            }
            String who = follower + (expert == null ? "" : "/" + expert);
            if (actual == null) {
                failures.add(who + ": expected risk action " + action + " " + expected.get("reason").asText()
                        + ", but none was taken");
                continue;
            }
            unmatched.remove(actual);
            List<String> diffs = new ArrayList<>();
            if (!expected.get("reason").asText().equals(String.valueOf(actual.reason()))) {
                diffs.add("reason");
            }
            if (expected.has("symbol") && !expected.get("symbol").asText().equals(actual.symbol())) {
                diffs.add("symbol");
            }
            decimal(expected, "qty", actual.qty(), diffs);
            decimal(expected, "price", actual.price(), diffs);
            fired(expected, actual.rulesFired(), diffs);
            if (!diffs.isEmpty()) {
                failures.add(who + ": expected " + action + " " + expected.get("reason").asText() + "; got "
                        + describe(actual) + " (differs in " + String.join(", ", diffs) + ")");
            }
        }
        if (exactly(then)) {
            Map<String, String> names = world.subscriptionNames();
            for (RiskActionRecord r : unmatched) {
                failures.add("unexpected risk action for " + names.get(r.subscriptionId()) + ": "
                        + describe(r) + " (list it in then.riskActions, or set \"exactly\": false)");
            }
        }
        return failures;
    }

    /**
     * "accounts" / "subscriptions": each {@code {follower, expert?, field: value, ...}} is compared
     * with the follower's account or subscription as {@code GET /accounts/{id}} or
     * {@code GET /subscriptions/{id}} shows it after the "when" inputs (numbers as numbers).
     */
    private static List<String> compareViews(ScenarioWorld world, JsonNode then, String which) {
        List<String> failures = new ArrayList<>();
        for (JsonNode expected : steps(then.get(which), which)) {
            if (!expected.isObject() || !expected.hasNonNull("follower")) {
                throw new ScenarioException("each of then." + which + " needs 'follower': " + expected);
            }
            String follower = expected.get("follower").asText();
            String expert = expected.hasNonNull("expert") ? expected.get("expert").asText() : null;
            JsonNode view = ApiJson.tree(which.equals("accounts")
                    ? world.engine().views().account(world.engine().ledger().account(world.accountOf(follower, expert)))
                    : world.engine().views().subscription(
                            world.engine().ledger().subscription(world.subscriptionOf(follower, expert))));
            String who = follower + (expert == null ? "" : "/" + expert);
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("follower") || e.getKey().equals("expert")) {
                    continue;
                }
                JsonNode actual = view.get(e.getKey());
                if (actual == null) {
                    throw new ScenarioException("unknown field '" + e.getKey() + "' in then." + which + " (known: "
                            + new TreeSet<>(iterable(view.fieldNames())) + ")");
                }
                if (e.getValue().isArray() && actual.isArray()) {
                    failures.addAll(comparePositions(who, e.getKey(), e.getValue(), actual));
                } else if (!sameValue(e.getValue(), actual)) {
                    failures.add(who + ": expected " + which.substring(0, which.length() - 1) + " " + e.getKey() + " "
                            + e.getValue().asText() + ", got " + (actual.isNull() ? "null" : actual.asText()));
                }
            }
        }
        return failures;
    }

    /**
     * "screening": each {@code {expert, verdict?, flags?: [codes], details?: {code: text}}} is
     * compared with the expert's screening by the rule set under test after the "when" inputs;
     * {@code flags} must be exactly the flags raised.
     */
    private List<String> compareScreening(ScenarioWorld world, JsonNode then) {
        List<String> failures = new ArrayList<>();
        for (JsonNode expected : steps(then.get("screening"), "screening")) {
            onlyKnown(expected, Set.of("expert", "verdict", "flags", "details"), "then.screening");
            if (!expected.hasNonNull("expert")) {
                throw new ScenarioException("each of then.screening needs 'expert': " + expected);
            }
            String expert = expected.get("expert").asText();
            Screening s = com.copyguard.core.screening.ExpertScreening.of(world.engine()).screen(expert, world.engine().ledger(), rules);
            List<String> raised = s.flags().stream().map(f -> f.code().name()).sorted().toList();
            if (expected.has("verdict") && !expected.get("verdict").asText().equals(String.valueOf(s.verdict()))) {
                failures.add(expert + ": expected verdict " + expected.get("verdict").asText() + ", got " + s.verdict()
                        + " (flags " + raised + ")");
            }
            if (expected.has("flags")) {
                List<String> want = new ArrayList<>();
                expected.get("flags").forEach(f -> want.add(f.asText()));
                want.sort(null);
                if (!want.equals(raised)) {
                    failures.add(expert + ": expected flags " + want + ", got " + raised + "; " + s.flags());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("details").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String detail = s.flags().stream().filter(f -> f.code().name().equals(e.getKey()))
                        .map(ScreeningFlag::detail).findFirst().orElse(null);
                if (!e.getValue().asText().equals(detail)) {
                    failures.add(expert + ": expected " + e.getKey() + " detail \"" + e.getValue().asText() + "\", got "
                            + (detail == null ? "no such flag" : "\"" + detail + "\""));
                }
            }
        }
        return failures;
    }

    /** A list such as a subscription's positions: each expected entry matched by symbol (and side) and compared field by field. */
    private static List<String> comparePositions(String who, String field, JsonNode expected, JsonNode actual) {
        List<String> failures = new ArrayList<>();
        for (JsonNode want : expected) {
            JsonNode match = null;
            for (JsonNode got : actual) {
                if (got.path("symbol").asText().equals(want.path("symbol").asText())
                        && (!want.has("side") || got.path("side").asText().equals(want.get("side").asText()))) {
                    match = got;
                    break;
                }
            }
            if (match == null) {
                failures.add(who + ": expected " + field + " entry " + want + ", none found in " + actual);
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode got = match.get(f.getKey());
                if (got == null || !sameValue(f.getValue(), got)) {
                    failures.add(who + ": expected " + field + " " + want.path("symbol").asText() + " " + f.getKey() + " "
                            + f.getValue().asText() + ", got " + (got == null ? "nothing" : got.asText()));
                }
            }
        }
        return failures;
    }

    private static boolean sameValue(JsonNode want, JsonNode got) {
        if (want.isNull() || got.isNull()) {
            return want.isNull() && got.isNull();
        }
        try {
            return new BigDecimal(want.asText()).compareTo(new BigDecimal(got.asText())) == 0;
        } catch (NumberFormatException notNumbers) {
            return want.asText().equals(got.asText());
        }
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    /** Unless {@code "exactly": false}, every decision or risk action made must be listed in "then". */
    private static boolean exactly(JsonNode then) {
        return !then.has("exactly") || then.get("exactly").asBoolean(true);
    }

    /** Adds a diff for each rule named in the expectation's "notFired" that fired. */
    private static void notFired(JsonNode expected, List<String> rulesFired, List<String> diffs) {
        for (JsonNode rule : steps(expected.get("notFired"), "notFired")) {
            if (rulesFired.contains(rule.asText())) {
                diffs.add("notFired '" + rule.asText() + "'");
            }
        }
    }

    /**
     * Adds a diff for each value named in the expectation's "explained" (an object: name → value) that
     * the decision's explanation does not hold: numbers compare as numbers, anything else as text.
     */
    private static void explained(JsonNode expected, Map<String, String> explanation, List<String> diffs) {
        JsonNode want = expected.get("explained");
        if (want == null) {
            return;
        }
        if (!want.isObject()) {
            throw new ScenarioException("'explained' must be an object: value name → value");
        }
        want.fields().forEachRemaining(e -> {
            String got = explanation.get(e.getKey());
            if (got == null || !sameValue(e.getValue().asText(), got)) {
                diffs.add("explained " + e.getKey() + " (" + got + ")");
            }
        });
    }

    private static boolean sameValue(String want, String got) {
        try {
            return new BigDecimal(want).compareTo(new BigDecimal(got)) == 0;
        } catch (NumberFormatException e) {
            return want.equals(got);
        }
    }

    /** Adds a diff for each rule named in the expectation's "fired" that did not fire. */
    private static void fired(JsonNode expected, List<String> rulesFired, List<String> diffs) {
        for (JsonNode rule : steps(expected.get("fired"), "fired")) {
            if (!rulesFired.contains(rule.asText())) {
                diffs.add("fired '" + rule.asText() + "'");
            }
        }
    }

    static String describe(RiskActionRecord r) {
        return r.action() + " " + r.reason() + (r.symbol() == null ? "" : " " + r.symbol() + " " + r.side())
                + (r.qty() == null ? "" : " qty " + Decimals.plain(r.qty()))
                + (r.price() == null ? "" : " price " + Decimals.plain(r.price()))
                + "; rules fired: " + String.join(" → ", r.rulesFired()) + "; compared: " + r.explanation();
    }

    private static void decimal(JsonNode expected, String field, BigDecimal actual, List<String> diffs) {
        if (!expected.has(field)) {
            return;
        }
        BigDecimal want = new BigDecimal(expected.get(field).asText());
        if (actual == null || want.compareTo(actual) != 0) {
            diffs.add(field);
        }
    }

    static String describe(JsonNode expected) {
        StringBuilder s = new StringBuilder(expected.get("outcome").asText());
        s.append(expected.hasNonNull("reason") ? " " + expected.get("reason").asText() : " (no reason)");
        for (String f : List.of("qty", "margin", "price", "leverage")) {
            if (expected.has(f)) {
                s.append(' ').append(f).append(' ').append(expected.get(f).asText());
            }
        }
        return s.toString();
    }

    static String describe(DecisionRecord d) {
        return d.outcome() + (d.reason() == null ? " (no reason)" : " " + d.reason()) + " qty " + Decimals.plain(d.qty())
                + (d.margin() == null ? "" : " margin " + Decimals.plain(d.margin()))
                + (d.price() == null ? "" : " price " + Decimals.plain(d.price()))
                + (d.leverage() == null ? "" : " leverage " + d.leverage());
    }

    /** One line per fired rule and explanation value, for reports. */
    static String trace(DecisionRecord d) {
        StringBuilder s = new StringBuilder("rules fired: ").append(String.join(" → ", d.rulesFired()));
        if (!d.explanation().isEmpty()) {
            s.append("; compared: ");
            int i = 0;
            for (Map.Entry<String, String> e : d.explanation().entrySet()) {
                s.append(i++ == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return s.toString();
    }
}
