package com.copyguard.app;

import com.copyguard.command.PutInstrument;
import com.copyguard.durability.FileSnapshotter;
import com.copyguard.durability.RecoveredState;
import com.copyguard.durability.SnapshotStore;
import com.copyguard.durability.StateRecovery;
import com.copyguard.engine.Engine;
import com.copyguard.journal.SqliteJournal;
import com.copyguard.pipeline.SingleWriter;
import com.copyguard.pipeline.Snapshotter;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.RuleSet;
import com.copyguard.rules.RuleSetLoader;
import com.copyguard.server.HttpApi;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires rules, journal, engine, writer and HTTP together; start() recovers state before serving. */
public final class CopyguardService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CopyguardService.class);
    /** How long requests in flight get to be answered when shutting down. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final ServiceConfig config;
    private SqliteJournal journal;
    private SingleWriter writer;
    private Vertx vertx;
    private HttpApi http;
    private Engine engine;
    private RecoveredState recovered;
    private boolean closed;

    public CopyguardService(ServiceConfig config) {
        this.config = config;
    }

    public CopyguardService start() throws Exception {
        RuleSetLoader loader = new RuleSetLoader(config.rulesDir());
        String version = config.rulesVersion() != null ? config.rulesVersion() : activeVersion(config.rulesDir());
        RuleSet rules = loader.load(version);
        ActiveRules active = new ActiveRules(rules);
        journal = new SqliteJournal(config.dataDir());
        SnapshotStore snapshots = new SnapshotStore(config.dataDir(), config.durability().snapshotsKept());
        try {
            recovered = StateRecovery.recover(journal, snapshots, () -> new Engine(active), loader::load, true);
        } catch (Exception e) {
            LOG.error("{\"event\":\"recovery_failed\",\"message\":\"{}\"}", e.getMessage());
            journal.close();
            throw e;
        }
        engine = recovered.engine();
        LOG.info("recovered {} journaled inputs from {} (snapshot at {}, {} replayed) in {} ms", recovered.seq(),
                config.dataDir(), recovered.snapshotSeq(), recovered.replayed(), recovered.millis());
        writer = new SingleWriter(engine, journal, this::fatal,
                new FileSnapshotter(snapshots, journal, config.durability().snapshotEvery()), recovered.snapshotSeq());
        writer.start();
        if (journal.lastSeq() == 0) {
            for (PutInstrument i : InstrumentCatalog.load(config.instrumentsFile())) {
                writer.submit(i).join();
            }
        }
        vertx = Vertx.vertx();
        http = new HttpApi(writer, config.host(), config.port());
        vertx.deployVerticle(http).await();
        return this;
    }

    static String activeVersion(Path rulesDir) throws java.io.IOException {
        Path active = rulesDir.resolve("ACTIVE");
        if (!Files.isRegularFile(active)) {
            throw new IllegalStateException("no rules version given and " + active + " does not exist");
        }
        return Files.readString(active).trim();
    }

    private void fatal() {
        LOG.error("fail-stop: the journal failed, exiting so that no undurable input is acknowledged");
        Runtime.getRuntime().halt(70);
    }

    public int port() {
        return http.port();
    }

    public Engine engine() {
        return engine;
    }

    public SingleWriter writer() {
        return writer;
    }

    /** How start-up recovery went (snapshot used, entries replayed, torn tail dropped, time). */
    public RecoveredState recovered() {
        return recovered;
    }

    /**
     * Writes a snapshot of the state after every input accepted so far; completes when it is on
     * disk. Call it when something that is not journaled changes how inputs are decided (e.g. the
     * active rule set), so that recovery starts from a state that already reflects it.
     */
    public CompletableFuture<Snapshotter.SnapshotTaken> snapshot() {
        return writer.requestSnapshot();
    }

    /**
     * Graceful stop: stop accepting connections and let requests in flight be answered, finish
     * the writer's queue (its last batch is committed), write a snapshot, close the journal.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (http != null) {
            try {
                http.shutdown(SHUTDOWN_GRACE).await();
            } catch (RuntimeException e) {
                LOG.warn("HTTP shutdown: {}", e.toString());
            }
        }
        if (writer != null) {
            writer.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
