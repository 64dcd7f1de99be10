package com.copyguard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.CopyguardService;
import com.copyguard.app.ServiceConfig;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While the service starts (rules compiling, journal replaying) it is live but not ready: probes
 * and metrics answer, the API refuses with 503 NOT_READY, and readiness turns on only at the end.
 */
class StartupProbesIT {

    @Test
    void liveAndScrapableDuringStartupReadyOnlyAfterRulesAndRecovery() throws Exception {
        int port = PrometheusServer.freePort();
        Path data = Files.createTempDirectory("copyguard-it");
        ServiceConfig config = new ServiceConfig("127.0.0.1", port, data, Path.of("rules"), null, null);
        CopyguardService service = new CopyguardService(config);
        CompletableFuture<CopyguardService> started = CompletableFuture.supplyAsync(() -> {
            try {
                return service.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ApiClient api = new ApiClient(port);
        Set<String> phasesNotReady = new LinkedHashSet<>();
        Response apiWhileStarting = null;
        Response metricsWhileStarting = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!started.isDone() && System.nanoTime() < deadline) {
                Response live;
                try {
                    live = api.get("/health/live");
                } catch (RuntimeException notListeningYet) {
                    Thread.sleep(20);
                    continue;
                }
                assertThat(live.status()).isEqualTo(200);
                Response ready = api.get("/health/ready");
                if (ready.status() == 503) {
                    assertThat(ready.error()).isEqualTo("NOT_READY");
                    assertThat(ready.text("message")).isNotBlank();
                    phasesNotReady.add(ready.text("phase"));
                    ApiClient admin = api.as(ApiClient.adminToken(data));
                    Response instruments = admin.get("/instruments");
                    if (instruments.status() == 503) {
                        apiWhileStarting = instruments;
                    }
                    Response metrics = admin.get("/metrics");
                    if (metrics.status() == 200 && metrics.raw().contains("copyguard_ready 0.0")) {
                        metricsWhileStarting = metrics;
                    }
                }
                Thread.sleep(20);
            }
            started.get(60, TimeUnit.SECONDS);

            assertThat(phasesNotReady).as("phases seen before ready").isNotEmpty()
                    .isSubsetOf("STARTING", "COMPILING_RULES", "RECOVERING");
            assertThat(apiWhileStarting).as("an API call during startup").isNotNull();
            assertThat(apiWhileStarting.error()).isEqualTo("NOT_READY");
            assertThat(metricsWhileStarting).as("/metrics during startup, copyguard_ready 0").isNotNull();

            Response ready = api.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.text("status")).isEqualTo("READY");
            assertThat(api.get("/instruments").status()).as("no token").isEqualTo(401);
            assertThat(api.as(ApiClient.adminToken(data)).get("/instruments").status()).isEqualTo(200);
            assertThat(api.as(ApiClient.adminToken(data)).get("/metrics").raw()).contains("copyguard_ready 1.0");
        } finally {
            started.thenAccept(CopyguardService::close);
            started.handle((s, e) -> null).get(60, TimeUnit.SECONDS);
        }
    }
}
