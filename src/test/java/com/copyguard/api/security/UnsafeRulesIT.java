package com.copyguard.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.ServiceConfig;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.TestRuleVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Rule sets that reach outside the fact model (src/test/resources/rule-versions/unsafe-*) are
 * refused over HTTP at validation, proposal and activation with the file and line, and the
 * active version keeps serving.
 */
class UnsafeRulesIT {

    @Test
    void rulesThatExitOrWriteFilesAreRefusedWithTheirLine() throws Exception {
        Path rules = TestRuleVersions.root();
        Path data = Files.createTempDirectory("copyguard-unsafe");
        try (RunningService service = RunningService.start(new ServiceConfig("127.0.0.1", 0, data, rules, null, null));
             Tokens4Tests tokens = new Tokens4Tests(data)) {
            ApiClient admin = service.api();
            String active = admin.get("/rules").text("active");

            Response exit = admin.post("/rules/activate", "{\"version\":\"unsafe-exit\"}");
            assertThat(exit.status()).as(exit.raw()).isEqualTo(422);
            assertThat(exit.error()).isEqualTo("RULES_INVALID");
            assertThat(exit.body().path("messages").toString()).contains("exit.drl:11: System");

            Response io = admin.post("/rules/activate", "{\"version\":\"unsafe-io\"}");
            assertThat(io.status()).as(io.raw()).isEqualTo(422);
            assertThat(io.body().path("messages").toString()).contains("io.drl:10: java.nio.file.Files");

            Response validated = admin.post("/rules/validate", "{\"version\":\"unsafe-exit\"}");
            assertThat(validated.status()).isEqualTo(200);
            assertThat(validated.body().path("valid").asBoolean()).isFalse();
            assertThat(validated.body().path("messages").toString()).contains("exit.drl:11");

            Response posted = admin.post("/rules/validate", "{\"drl\":\"package copyguard;\\nrule \\\"x\\\"\\nwhen\\nthen\\n"
                    + "    Runtime.getRuntime().halt(1);\\nend\\n\"}");
            assertThat(posted.body().path("valid").asBoolean()).as(posted.raw()).isFalse();
            assertThat(posted.body().path("messages").toString()).contains("posted.drl:5: Runtime");

            Response proposed = admin.as(tokens.token("carol", Role.RULES_AUTHOR, null))
                    .post("/rules/proposals", "{\"version\":\"unsafe-io\"}");
            assertThat(proposed.status()).as(proposed.raw()).isEqualTo(422);
            assertThat(admin.get("/rules").text("active")).isEqualTo(active);
            assertThat(Files.exists(Path.of("/tmp/copyguard-owned"))).isFalse();
        }
    }
}
