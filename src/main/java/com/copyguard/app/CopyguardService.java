package com.copyguard.app;

import com.copyguard.json.input.InstrumentCatalog;

import com.copyguard.json.JsonAnswerCodec;
import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.durability.snapshot.FileSnapshotter;
import com.copyguard.durability.RecoveredState;
import com.copyguard.durability.snapshot.SnapshotStore;
import com.copyguard.durability.StateRecovery;
import com.copyguard.core.engine.Engine;
import com.copyguard.durability.journal.SqliteJournal;
import com.copyguard.observability.Observability;
import com.copyguard.observability.Readiness;
import com.copyguard.durability.writer.SingleWriter;
import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.durability.writer.WriterWatchdog;
import com.copyguard.durability.writer.Snapshotter;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.rules.RuleSource;
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.api.security.Role;
import com.copyguard.api.security.SigningKey;
import com.copyguard.api.security.TokenIssuer;
import com.copyguard.api.HttpApi;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires observability, rules, journal, engine, writer and HTTP together; start() recovers state before serving. */
public final class CopyguardService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CopyguardService.class);
    /** How long requests in flight get to be answered when shutting down. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final String ADMIN_TOKEN_FILE = "admin.token";
    private static final Duration ADMIN_TOKEN_TTL = Duration.ofDays(30);

    private final ServiceConfig config;
    private final Observability observability = new Observability();
    private SqliteJournal journal;
    private SingleWriter writer;
    private WriterWatchdog watchdog;
    private Vertx vertx;
    private HttpApi http;
    private Engine engine;
    private RecoveredState recovered;
    private boolean closed;

    public CopyguardService(ServiceConfig config) {
        this.config = config;
    }

    /**
     * Starts HTTP first (liveness and metrics answer, the API says NOT_READY), then compiles the
     * rules and replays the journal, then opens the API: /health/ready turns 200 only then.
     */
    public CopyguardService start() throws Exception {
        try {
            vertx = observability.telemetry().newVertx();
            SigningKey key = SigningKey.loadOrCreate(config.dataDir());
            writeAdminToken(key);
            http = new HttpApi(observability, config.host(), config.port(), key, config.security());
            vertx.deployVerticle(http).await();
            Readiness readiness = observability.readiness();

            readiness.compilingRules();
            RuleSetLoader loader = new RuleSetLoader(config.rulesDir());
            String version = config.rulesVersion() != null ? config.rulesVersion() : activeVersion(config.rulesDir());
            RuleSource configured = loader.source(version);
            RuleSet rules = compile(configured);

            readiness.recovering(rules.version());
            journal = new SqliteJournal(config.dataDir());
            SnapshotStore snapshots = new SnapshotStore(config.dataDir(), config.durability().snapshotsKept());
            try {
                // the journal carries every rule activation with its text: replay needs no rules/ folder
                recovered = StateRecovery.recover(journal, snapshots,
                        () -> EngineAssembly.create(new ActiveRules(rules), observability.events(), new JsonAnswerCodec()), null, true);
            } catch (Exception e) {
                LOG.atError().addKeyValue("event", "recovery_failed").log("recovery failed: {}", e.getMessage());
                throw e;
            }
            engine = recovered.engine();
            // not state: sweeps only re-check what the index selects, so the interval changes no decision
            engine.sweepRiskEvery(config.riskSweepEvery());
            LOG.info("recovered {} journaled inputs from {} (snapshot at {}, {} replayed) in {} ms", recovered.seq(),
                    config.dataDir(), recovered.snapshotSeq(), recovered.replayed(), recovered.millis());
            writer = new SingleWriter(engine, journal, this::fatal,
                    new FileSnapshotter(snapshots, journal, config.durability().snapshotEvery()), recovered.snapshotSeq(),
                    WallClockGuard.allowing(config.maxTimeAhead()));
            observability.attach(engine.rules(), writer);
            observability.feed().attach(engine.ledger());
            writer.start();
            watchdog = new WriterWatchdog(writer, config.writerStallAfter());
            observability.watch(watchdog);
            if (journal.lastSeq() == 0) {
                // The journal starts with the rule set's full text, so replaying it never depends on rules/.
                writer.submit(ActivateRules.of(configured)).join();
                for (PutInstrument i : InstrumentCatalog.load(config.instrumentsFile())) {
                    writer.submit(i).join();
                }
            } else {
                resumeRules(configured);
            }
            http.serveApi(writer, engine.rules(), loader).await();
            observability.live(engine.rules().get().version(), recovered.replayed(), recovered.millis() / 1000.0);
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Writes an all-roles token, signed with the data directory's key, to {@code <data-dir>/admin.token}
     * (owner-only): what a local operator and the tests use. Renewed on every start.
     */
    private void writeAdminToken(SigningKey key) throws java.io.IOException {
        Path file = config.dataDir().resolve(ADMIN_TOKEN_FILE);
        String token = new TokenIssuer(vertx, key).issue("admin", java.util.EnumSet.of(Role.ADMIN), null, ADMIN_TOKEN_TTL);
        SigningKey.writePrivate(file, token);
        LOG.info("admin token (all roles, valid {} days) written to {}", ADMIN_TOKEN_TTL.toDays(), file.toAbsolutePath());
    }

    private RuleSet compile(RuleSource source) throws RuleCompilationException {
        try {
            return RuleSetLoader.compile(source);
        } catch (RuleCompilationException e) {
            observability.events().rulesActivationFailed(source.version(), "RULES_INVALID");
            throw e;
        }
    }

    /**
     * After a restart the journal decides which rules run: the version last activated in it. An
     * explicit --rules-version that differs is activated (and journaled) now; a version folder
     * edited since its activation keeps running the activated text until it is activated again.
     */
    private void resumeRules(RuleSource configured) {
        RuleSet resumed = engine.rules().get();
        boolean sameText = resumed.source().fingerprint().equals(configured.fingerprint());
        if (config.rulesVersion() != null && !sameText) {
            LOG.info("activating rule set {} as --rules-version asks (the journal had {})", configured.version(),
                    resumed.version());
            writer.submit(ActivateRules.of(configured)).join();
        } else if (!sameText && resumed.version().equals(configured.version())) {
            LOG.warn("rule set {} changed on disk since it was activated; still running the activated text "
                    + "(POST /rules/activate to pick up the change)", resumed.version());
        } else if (!sameText) {
            LOG.info("resuming rule set {} from the journal ({} names {})", resumed.version(),
                    config.rulesDir().resolve("ACTIVE"), configured.version());
        }
    }

    static String activeVersion(Path rulesDir) throws java.io.IOException {
        Path active = rulesDir.resolve("ACTIVE");
        if (!Files.isRegularFile(active)) {
            throw new IllegalStateException("no rules version given and " + active + " does not exist");
        }
        return Files.readString(active).trim();
    }

    private void fatal() {
        LOG.atError().addKeyValue("event", "fail_stop")
                .log("fail-stop: the journal failed, exiting so that no undurable input is acknowledged");
        Runtime.getRuntime().halt(70);
    }

    public int port() {
        return http.port();
    }

    public HttpApi http() {
        return http;
    }

    public Engine engine() {
        return engine;
    }

    public Observability observability() {
        return observability;
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
     * disk. Call it when something that is not journaled changes how inputs are decided, so that
     * recovery starts from a state that already reflects it.
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
        observability.readiness().stopping();
        if (http != null) {
            try {
                http.shutdown(SHUTDOWN_GRACE).await();
            } catch (RuntimeException e) {
                LOG.warn("HTTP shutdown: {}", e.toString());
            }
        }
        boolean writerStopped = true;
        if (writer != null) {
            // a writer stuck in one input gets a short grace, not 30 s: SIGTERM must stop the process
            writerStopped = writer.close(watchdog != null && watchdog.stall() != null);
        }
        if (watchdog != null) {
            watchdog.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
        if (journal != null && writerStopped) {
            journal.close();
        }
        observability.close();
        if (!writerStopped) {
            WriterWatchdog.Stall stall = watchdog == null ? null : watchdog.stall();
            throw new IllegalStateException("the writer did not stop; it is stuck on "
                    + (stall == null ? "an input" : stall.input()) + ", which was not journaled");
        }
    }
}
