package com.copyguard.observability;

import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** Reads the expressions out of dashboards/copyguard.json and dashboards/alerts.yml, as Prometheus will see them. */
final class MonitoringFiles {
    static final Path DIR = Path.of("dashboards");
    static final Path DASHBOARD = DIR.resolve("copyguard.json");
    static final Path ALERTS = DIR.resolve("alerts.yml");
    static final Path ALERT_TESTS = DIR.resolve("alerts.test.yml");
    static final Path SCRAPE_CONFIG = DIR.resolve("prometheus.yml");

    /** A comparison with a number on its right: {@code > 900}, {@code >= 0.99}, {@code == 0}. */
    private static final Pattern SCALAR_COMPARISON = Pattern.compile("(>=|<=|==|!=|>|<)(\\s*)(?=-?[0-9.])");
    /** An exported metric name: one of the families the service exports, or Prometheus' own {@code up}. */
    private static final Pattern METRIC = Pattern.compile(
            "(?<![\\w:])((?:copyguard|vertx|jvm|process|system)_[a-z0-9_]+|up)(?![\\w:(])");
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*(\\w+)\\)$");

    private MonitoringFiles() {
    }

    record PanelQuery(String panel, String expr) {
    }

    record Rule(String group, String name, boolean alert, String expr) {
    }

    static JsonNode dashboard() throws IOException {
        return Json.MAPPER.readTree(Files.readString(DASHBOARD));
    }

    /** Every target expression of every panel, rows' nested panels included. */
    static List<PanelQuery> panelQueries(JsonNode dashboard) {
        List<PanelQuery> out = new ArrayList<>();
        collect(dashboard.path("panels"), out);
        return out;
    }

    private static void collect(JsonNode panels, List<PanelQuery> out) {
        for (JsonNode p : panels) {
            for (JsonNode t : p.path("targets")) {
                out.add(new PanelQuery(p.path("title").asText(), t.path("expr").asText()));
            }
            collect(p.path("panels"), out);
        }
    }

    /** Grafana's variables as the test's Prometheus knows them: job "copyguard", every instance, 30 s rate windows. */
    static String substituteVariables(String expr) {
        return expr.replace("$__rate_interval", "30s").replace("${__rate_interval}", "30s")
                .replace("$__interval", "5s").replace("$__range", "5m")
                .replace("$job", "copyguard").replace("$instance", ".+");
    }

    /**
     * The PromQL a {@code label_values(metric, label)} variable query stands for:
     * {@code count by (label) (metric)}; null when it is not such a query.
     */
    static String variableQueryAsPromql(String query) {
        Matcher m = LABEL_VALUES.matcher(query.trim());
        return m.matches() ? "count by (" + m.group(2) + ") (" + m.group(1) + ")" : null;
    }

    @SuppressWarnings("unchecked")
    static List<Rule> rules(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        List<Rule> out = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                boolean alert = rule.containsKey("alert");
                out.add(new Rule((String) group.get("name"), (String) (alert ? rule.get("alert") : rule.get("record")),
                        alert, ((String) rule.get("expr")).trim()));
            }
        }
        return out;
    }

    /** Metric names an expression selects (recording rule names, with their colons, excluded). */
    static Set<String> metricNames(String expr) {
        Set<String> out = new TreeSet<>();
        Matcher m = METRIC.matcher(expr.replaceAll("\"[^\"]*\"", "\"\""));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The alert's condition turned into its signal: every comparison with a number gets PromQL's
     * {@code bool} modifier, so the expression returns 0/1 for every series it is computed from
     * instead of only the ones over the threshold. Data from it proves the alert watches series
     * that exist, whether or not the alert fires now.
     */
    static String signalOf(String alertExpr) {
        return SCALAR_COMPARISON.matcher(alertExpr).replaceAll("$1 bool$2");
    }
}
