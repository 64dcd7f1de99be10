package com.copyguard.durability.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.JarProcess;
import com.copyguard.testing.TestRuleVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A real stuck input: rule version {@code stuck} (src/test/resources/rule-versions) never returns from
 * a fill whose id starts with {@code stuck-}. With {@code --writer-stall-after 1000} the watchdog must
 * make readiness 503 naming that fill, raise {@code copyguard_writer_stalled}, and SIGTERM must still
 * stop the process (without the bounded wait it would wait forever on the writer and never exit).
 */
class WriterWatchdogIT {
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void aStuckInputMakesTheServiceUnreadyNamesTheInputAndSigtermStillStopsIt() throws Exception {
        Path dir = Files.createTempDirectory("copyguard-stall-");
        try (JarProcess service = JarProcess.start(dir, "--rules-dir", TestRuleVersions.root().toString(),
                "--rules-version", "stuck", "--writer-stall-after", "1000", "--snapshot-every", "0")) {
            ApiClient api = service.api();
            assertThat(api.put("/experts/slow", "{\"equity\":\"1000\"}").status()).isEqualTo(201);
            assertThat(api.post("/subscriptions", "{\"followerId\":\"bob\",\"expertId\":\"slow\",\"mode\":\"MULTIPLIER\","
                    + "\"multiplier\":\"0.1\",\"amount\":\"100\",\"time\":" + T0 + "}").status()).isEqualTo(201);
            assertThat(api.get("/health/ready").status()).isEqualTo(200);
            assertThat(api.get("/metrics").raw()).contains("copyguard_writer_stalled 0.0");

            // the client of the stuck input waits; nothing else is needed from it
            CompletableFuture.runAsync(() -> api.post("/experts/slow/fills", "{\"fillId\":\"stuck-1\",\"symbol\":\"BTCUSDT\","
                    + "\"action\":\"OPEN_LONG\",\"qty\":\"0.1\",\"price\":\"50000\",\"leverage\":10,\"marginMode\":\"CROSS\","
                    + "\"status\":\"FILLED\",\"time\":" + (T0 + 1000) + "}"));

            Response ready = awaitUnready(api);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.error()).isEqualTo("NOT_READY");
            assertThat(ready.text("writerStalledOn")).startsWith("ExpertFill slow/stuck-1 for ");
            assertThat(ready.text("message")).contains("the writer is stalled: ExpertFill slow/stuck-1");
            String metrics = api.get("/metrics").raw();
            assertThat(metrics).contains("copyguard_writer_stalled 1.0").contains("copyguard_ready 0.0");
            assertThat(api.get("/health/live").status()).as("liveness stays up: the alert and readiness tell").isEqualTo(200);

            int exit = service.terminate();
            assertThat(exit).as("the process stops although its writer never will; it says so").isEqualTo(1);
            assertThat(service.log()).contains("writer_stalled").contains("\"signal\":\"SIGTERM\"")
                    .contains("the writer did not stop; it is stuck on ExpertFill slow/stuck-1");
        }
    }

    private static Response awaitUnready(ApiClient api) throws InterruptedException {
        Response r = api.get("/health/ready");
        for (int i = 0; i < 200 && r.status() == 200; i++) {
            Thread.sleep(50);
            r = api.get("/health/ready");
        }
        return r;
    }
}
