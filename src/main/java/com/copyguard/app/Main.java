package com.copyguard.app;

import com.copyguard.app.CopyguardService;
import com.copyguard.app.GracefulShutdown;
import com.copyguard.app.ServiceConfig;
import com.copyguard.app.ReplayCommand;
import com.copyguard.app.RulesCommand;
import com.copyguard.app.StateHashCommand;
import com.copyguard.app.TokenCommand;
import com.copyguard.api.security.ExternalIssuerOptions;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import com.copyguard.durability.writer.RiskSweepOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar copyguard.jar [--port N] [--data-dir DIR] ...}: starts the service; the
 * {@code rules} and {@code replay} subcommands are the rule author's offline tools.
 */
@Command(name = "copyguard", mixinStandardHelpOptions = true,
        description = "Rules-engine driven risk and replication service for futures copy trading.",
        subcommands = {RulesCommand.class, ReplayCommand.class, StateHashCommand.class, TokenCommand.class,
                com.copyguard.cluster.cli.ClusterCommand.class})
public final class Main implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to bind (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--data-dir", defaultValue = "data", description = "Journal and snapshots. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--rules-dir", defaultValue = "rules", description = "Rule set versions. Default: ${DEFAULT-VALUE}")
    Path rulesDir;

    @Option(names = "--rules-version", description = "Rule set to activate (default: the one named in <rules-dir>/ACTIVE)")
    String rulesVersion;

    @Option(names = "--instruments", description = "Instrument catalog JSON loaded on first start (default: built in)")
    Path instruments;

    @Option(names = "--snapshot-every", defaultValue = "100000",
            description = "Journal entries between periodic snapshots (0: only at shutdown). Default: ${DEFAULT-VALUE}")
    long snapshotEvery;

    @Mixin
    ExternalIssuerOptions externalIssuer;

    @Option(names = "--tls-cert", paramLabel = "CERT.pem", description = "Serve HTTPS with this certificate chain (PEM)")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "KEY.pem", description = "The TLS certificate's private key (PEM)")
    Path tlsKey;

    @Option(names = "--max-time-ahead-ms", defaultValue = "300000",
            description = "How far ahead of the wall clock an input's event time may be. Default: ${DEFAULT-VALUE}")
    long maxTimeAheadMs;
    @Option(names = "--writer-stall-after", defaultValue = "5000",
            description = "Milliseconds one input may take before the writer counts as stalled (readiness 503,"
                    + " copyguard_writer_stalled). Default: ${DEFAULT-VALUE}")
    long writerStallAfterMillis;
    @Mixin
    RiskSweepOption riskSweep;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line with its subcommands, as main runs it (tests run the CLI through this too). */
    public static CommandLine commandLine() {
        // "--rules-dir rules" must not be read as the "rules" subcommand.
        return new CommandLine(new Main()).setAllowSubcommandsAsOptionParameters(true);
    }

    @Override
    public Integer call() throws Exception {
        ServiceConfig config = new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instruments);
        config = config.withDurability(config.durability().withSnapshotEvery(snapshotEvery))
                .withMaxTimeAhead(java.time.Duration.ofMillis(maxTimeAheadMs))
                .withWriterStallAfter(java.time.Duration.ofMillis(writerStallAfterMillis))
                .withRiskSweepEvery(riskSweep.ticks())
                .withSecurity(externalIssuer.security(tlsCert, tlsKey));
        CopyguardService service = new CopyguardService(config).start();
        GracefulShutdown.install(service);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "copyguard-shutdown"));
        System.out.println("copyguard listening on port " + service.port());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
