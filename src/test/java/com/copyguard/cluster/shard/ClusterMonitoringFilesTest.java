package com.copyguard.cluster.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.api.CommandEdge;
import com.copyguard.cluster.ingress.IngressMetrics;
import com.copyguard.events.EventRing;
import com.copyguard.json.Json;
import com.copyguard.testing.PrometheusServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * dashboards/copyguard-cluster.json and cluster-alerts.yml watch meters the shard workers and the
 * ingresses really publish (names read from a Prometheus scrape of {@link ShardMetrics} and
 * {@link IngressMetrics}), follow the dashboards'
 * data source conventions, and the alert passes promtool's check and its unit test.
 */
class ClusterMonitoringFilesTest {
    private static final Path DIR = Path.of("dashboards");
    private static final Pattern METRIC = Pattern.compile("copyguard_(shard|ingress)_[a-z_]+");

    private static Set<String> published() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ShardMetrics metrics = new ShardMetrics(registry);
        metrics.lag(3, 12);
        metrics.batch(3, 40, 7_000_000);
        metrics.recovered(3, 2_000_000_000L, 120);
        metrics.fenced(3);
        metrics.gathered(3, 40_000_000L);
        IngressMetrics ingress = new IngressMetrics(registry);
        IngressMetrics.Read read = ingress.read("getExpertScreening");
        read.asked(17);
        read.done(new CommandEdge.Answer(200, Json.object(), null));
        ingress.watchEvents(new EventRing(10, 4, 1), () -> 0);
        Set<String> names = new TreeSet<>();
        for (String line : registry.scrape().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.replaceAll("[{ ].*", ""));
            }
        }
        return names;
    }

    private static List<String> metricsIn(String expr) {
        List<String> out = new ArrayList<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void everyPanelAndTheAlertWatchMetersTheWorkersPublish() throws Exception {
        Set<String> published = published();
        JsonNode dashboard = Json.MAPPER.readTree(Files.readString(DIR.resolve("copyguard-cluster.json")));
        List<String> used = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode t : panel.path("targets")) {
                assertThat(t.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                used.addAll(metricsIn(t.path("expr").asText()));
            }
        }
        used.addAll(metricsIn(Files.readString(DIR.resolve("cluster-alerts.yml"))));
        assertThat(used).isNotEmpty();
        assertThat(published).containsAll(used);
        assertThat(used).contains("copyguard_shard_lag_records", "copyguard_shard_batch_records_sum",
                "copyguard_shard_transaction_seconds_bucket", "copyguard_shard_recovery_seconds",
                "copyguard_shard_gather_wait_seconds_bucket", "copyguard_shard_gather_wait_seconds_count",
                "copyguard_ingress_read_seconds_bucket", "copyguard_ingress_reads_total", "copyguard_ingress_read_shards_sum",
                "copyguard_ingress_event_streams", "copyguard_ingress_events_delivered_total",
                "copyguard_ingress_events_lag_records", "copyguard_ingress_events_newest_offset");
    }

    @Test
    void theFallingBehindAlertPassesPromtool() throws Exception {
        Assumptions.assumeTrue(PrometheusServer.installed(), "promtool is not installed (apt-get install prometheus)");
        for (List<String> args : List.of(List.of("check", "rules", DIR.resolve("cluster-alerts.yml").toString()),
                List.of("test", "rules", DIR.resolve("cluster-alerts.test.yml").toString()))) {
            PrometheusServer.ToolResult r = PrometheusServer.promtool(args);
            assertThat(r.exitCode()).as("promtool %s:%n%s", args, r.output()).isZero();
        }
    }
}
