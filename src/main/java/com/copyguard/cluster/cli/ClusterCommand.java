package com.copyguard.cluster.cli;

import com.copyguard.json.input.InstrumentCatalog;
import com.copyguard.cluster.Topics;
import com.copyguard.cluster.ingress.ClusterGateway;
import com.copyguard.cluster.ingress.ClusterIngress;
import com.copyguard.cluster.sequencer.Sequencer;
import com.copyguard.cluster.shard.ShardSnapshots;
import com.copyguard.cluster.shard.ShardWorker;
import com.copyguard.core.command.ActivateRules;

import com.copyguard.durability.writer.RiskSweepOption;
import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.api.security.ExternalIssuerOptions;
import com.copyguard.api.security.SigningKey;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar copyguard.jar cluster PART... --bootstrap-servers HOST:PORT}: runs the named
 * parts of cluster mode in this process ({@code sequencer}, {@code worker}, {@code ingress}, or
 * {@code all}) against an existing Kafka cluster, until SIGTERM.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Run cluster-mode parts (sequencer, worker, ingress, or all) against Kafka.")
public final class ClusterCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PART", description = "sequencer, worker, ingress or all")
    List<String> parts;

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers, host:port[,...]")
    String bootstrapServers;

    @Option(names = "--shards", defaultValue = "64",
            description = "Partitions of the shard log when this creates it (fixed afterwards). Default: ${DEFAULT-VALUE}")
    int shards;

    @Option(names = "--replication", defaultValue = "3",
            description = "Replicas of each topic when this creates it (3 in production). Default: ${DEFAULT-VALUE}")
    short replication;

    @Option(names = "--topic-prefix", defaultValue = "cg", description = "Topic, group and transactional id prefix. Default: ${DEFAULT-VALUE}")
    String prefix;

    @Option(names = "--rules-dir", defaultValue = "rules", description = "Rule set versions. Default: ${DEFAULT-VALUE}")
    Path rulesDir;

    @Option(names = "--rules-version", description = "Rule set a new cluster starts with (default: <rules-dir>/ACTIVE)")
    String rulesVersion;

    @Option(names = "--instruments", description = "Instrument catalog JSON a new cluster starts with (default: built in)")
    Path instruments;

    @Spec
    CommandSpec spec;

    @Option(names = "--snapshot-dir", description = "Shard snapshots (storage every worker can read) and the sequencer's seat"
            + " snapshots (default: none; a new owner replays the log, a sequencer replays cg.seq from 0)")
    Path snapshotDir;

    @Option(names = "--snapshot-every", defaultValue = "10000", description = "Records per shard between snapshots. Default: ${DEFAULT-VALUE}")
    long snapshotEvery;

    /** The most records of cg.seq between two sequencer snapshots: past it the snapshot saves little anyway. */
    static final long MAX_SEQUENCER_SNAPSHOT_EVERY = 100_000_000L;

    private long sequencerSnapshotEvery = 10_000;

    @Option(names = "--sequencer-snapshot-every", paramLabel = "RECORDS", defaultValue = "10000",
            description = "Records of cg.seq between two snapshots of the sequencer's seats in --snapshot-dir"
                    + " (1 to 100000000; one is also written on a graceful stop). Default: ${DEFAULT-VALUE}")
    void sequencerSnapshotEvery(long records) {
        if (records < 1 || records > MAX_SEQUENCER_SNAPSHOT_EVERY) {
            throw new ParameterException(spec.commandLine(), "--sequencer-snapshot-every must be 1 to "
                    + MAX_SEQUENCER_SNAPSHOT_EVERY + " records, not " + records);
        }
        this.sequencerSnapshotEvery = records;
    }

    long sequencerSnapshotEvery() {
        return sequencerSnapshotEvery;
    }

    @Mixin
    RiskSweepOption riskSweep;

    int riskSweepEvery() {
        return riskSweep.ticks();
    }

    @Option(names = "--name", description = "This worker's name in logs and client ids (default: host name and pid)")
    String name;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface of the ingress and metrics. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Ingress HTTP port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--metrics-port", defaultValue = "0", description = "Prometheus /metrics of this process (0: off). Default: ${DEFAULT-VALUE}")
    int metricsPort;

    @Option(names = "--key-dir", defaultValue = "data", description = "Where the ingress finds (or creates) its token signing key; every ingress must share it. Default: ${DEFAULT-VALUE}")
    Path keyDir;

    @Mixin
    ExternalIssuerOptions externalIssuer;

    @Option(names = "--reply-timeout-ms", defaultValue = "30000", description = "How long the ingress waits for a committed reply. Default: ${DEFAULT-VALUE}")
    long replyTimeoutMs;

    @Option(names = "--max-time-ahead-ms", defaultValue = "300000", description = "How far ahead of the wall clock an input's time may be. Default: ${DEFAULT-VALUE}")
    long maxTimeAheadMs;

    @Override
    public Integer call() throws Exception {
        boolean all = parts.contains("all");
        for (String p : parts) {
            if (!List.of("all", "sequencer", "worker", "ingress").contains(p)) {
                System.err.println("unknown part " + p + " (sequencer, worker, ingress or all)");
                return 2;
            }
        }
        Topics topics = new Topics(prefix);
        int shardCount;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            topics.ensure(admin, shards, replication);
            shardCount = topics.shardCount(admin);
        }
        String version = rulesVersion != null ? rulesVersion : Files.readString(rulesDir.resolve("ACTIVE")).trim();
        RuleSetLoader loader = new RuleSetLoader(rulesDir);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<AutoCloseable> running = new ArrayList<>();
        Vertx metrics = null;
        try {
            if (all || parts.contains("sequencer")) {
                List<com.copyguard.core.command.Command> seed = new ArrayList<>();
                seed.add(ActivateRules.of(loader.source(version)));
                seed.addAll(InstrumentCatalog.load(instruments));
                running.add(new Sequencer(bootstrapServers, topics, shardCount, snapshotDir, sequencerSnapshotEvery).start(seed));
            }
            if (all || parts.contains("worker")) {
                String me = name != null ? name : java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
                running.add(new ShardWorker(new ShardWorker.Settings(bootstrapServers, topics, shardCount, loader.load(version),
                        snapshotDir == null ? null : new ShardSnapshots(snapshotDir), snapshotEvery, Duration.ofSeconds(10), me, riskSweep.ticks()),
                        registry).start());
            }
            if (all || parts.contains("ingress")) {
                ClusterGateway gateway = new ClusterGateway(bootstrapServers, topics, shardCount, Duration.ofMillis(replyTimeoutMs));
                running.add(gateway);
                ClusterIngress ingress = ClusterIngress.start(gateway, host, port, SigningKey.loadOrCreate(keyDir),
                        externalIssuer.security(null, null),
                        WallClockGuard.allowing(Duration.ofMillis(maxTimeAheadMs)), loader, registry);
                running.add(0, ingress);
                System.out.println("copyguard cluster ingress listening on port " + ingress.port());
            }
            if (metricsPort > 0) {
                metrics = Vertx.vertx();
                Vertx m = metrics;
                m.createHttpServer().requestHandler(req -> req.response().putHeader("content-type",
                        "text/plain; version=0.0.4").end(registry.scrape())).listen(metricsPort, host).await();
            }
            System.out.println("copyguard cluster running " + parts + " on " + shardCount + " shards");
            System.out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "copyguard-cluster-shutdown"));
            stopped.await();
            return 0;
        } finally {
            for (AutoCloseable c : running) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("closing " + c.getClass().getSimpleName() + ": " + e);
                }
            }
            if (metrics != null) {
                metrics.close();
            }
        }
    }
}
