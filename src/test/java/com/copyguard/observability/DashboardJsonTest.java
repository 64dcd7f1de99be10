package com.copyguard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** dashboards/copyguard.json can be provisioned as is: data source from a variable, sane layout, no hard-coded uids. */
class DashboardJsonTest {

    @Test
    void everyPanelTakesItsDataSourceFromTheVariable() throws Exception {
        JsonNode d = MonitoringFiles.dashboard();
        JsonNode variables = d.path("templating").path("list");
        assertThat(variables.get(0).path("type").asText()).isEqualTo("datasource");
        assertThat(variables.get(0).path("name").asText()).isEqualTo("datasource");
        assertThat(variables.get(0).path("query").asText()).isEqualTo("prometheus");
        assertThat(d.has("__inputs")).as("no import-only inputs: provisioning takes the file as is").isFalse();
        assertThat(d.path("uid").asText()).isEqualTo("copyguard-overview");

        List<JsonNode> panels = new ArrayList<>();
        d.path("panels").forEach(panels::add);
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : panels) {
            assertThat(ids.add(p.path("id").asInt())).as("unique id %s", p.path("id")).isTrue();
            JsonNode pos = p.path("gridPos");
            assertThat(pos.path("x").asInt() + pos.path("w").asInt()).as(p.path("title").asText()).isLessThanOrEqualTo(24);
            if (p.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(p.path("datasource").path("uid").asText()).as(p.path("title").asText()).isEqualTo("${datasource}");
            assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty();
            for (JsonNode t : p.path("targets")) {
                assertThat(t.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(t.path("expr").asText()).isNotBlank();
            }
        }
        for (JsonNode v : variables) {
            if (v.path("type").asText().equals("query")) {
                assertThat(v.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void thePanelsTheIssueAsksForArePresent() throws Exception {
        List<String> titles = new ArrayList<>();
        MonitoringFiles.dashboard().path("panels").forEach(p -> titles.add(p.path("title").asText()));
        assertThat(titles).contains("Fill throughput by status", "Copy decisions by outcome", "Rejections by reason",
                "Decision latency: fill received to all followers decided", "Risk actions by action and reason",
                "Profit share: frozen and pending", "Journal commit latency", "Active rule set version",
                "Rule activations by result", "HTTP errors by route", "Heap");
    }

    @Test
    void theAlertSignalRewriteAddsBoolToThresholdsOnly() {
        assertThat(MonitoringFiles.signalOf("a{code!=\"200\"} > 0.5 and b >= 2 * c and up == 0"))
                .isEqualTo("a{code!=\"200\"} > bool 0.5 and b >= bool 2 * c and up == bool 0");
        assertThat(MonitoringFiles.variableQueryAsPromql("label_values(copyguard_rule_set_info{job=\"x\"}, instance)"))
                .isEqualTo("count by (instance) (copyguard_rule_set_info{job=\"x\"})");
    }
}
