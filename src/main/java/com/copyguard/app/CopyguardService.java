package com.copyguard.app;

import com.copyguard.command.ActivateRules;
import com.copyguard.command.PutInstrument;
import com.copyguard.engine.Engine;
import com.copyguard.journal.SqliteJournal;
import com.copyguard.observability.Observability;
import com.copyguard.observability.Readiness;
import com.copyguard.pipeline.Recovery;
import com.copyguard.pipeline.SingleWriter;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.RuleCompilationException;
import com.copyguard.rules.RuleSet;
import com.copyguard.rules.RuleSetLoader;
import com.copyguard.rules.RuleSource;
import com.copyguard.server.HttpApi;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires observability, rules, journal, engine, writer and HTTP together; start() recovers state before serving. */
public final class CopyguardService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CopyguardService.class);

    private final ServiceConfig config;
    private final Observability observability = new Observability();
    private SqliteJournal journal;
    private SingleWriter writer;
    private Vertx vertx;
    private HttpApi http;
    private Engine engine;

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
            http = new HttpApi(observability, config.host(), config.port());
            vertx.deployVerticle(http).await();
            Readiness readiness = observability.readiness();

            readiness.compilingRules();
            RuleSetLoader loader = new RuleSetLoader(config.rulesDir());
            String version = config.rulesVersion() != null ? config.rulesVersion() : activeVersion(config.rulesDir());
            RuleSource configured = loader.source(version);
            RuleSet rules = compile(configured);
            ActiveRules active = new ActiveRules(rules);
            engine = new Engine(active, observability.events());

            readiness.recovering(rules.version());
            journal = new SqliteJournal(config.dataDir());
            writer = new SingleWriter(engine, journal, this::fatal);
            observability.attach(active, writer);
            long recoveryStart = System.nanoTime();
            long replayed = Recovery.replay(journal, engine, 0);
            double recoverySeconds = (System.nanoTime() - recoveryStart) / 1e9;
            LOG.info("recovered {} journaled inputs from {} in {} s", replayed, config.dataDir(),
                    String.format(Locale.ROOT, "%.3f", recoverySeconds));
            writer.start();
            if (journal.lastSeq() == 0) {
                // The journal starts with the rule set's full text, so replaying it never depends on rules/.
                writer.submit(ActivateRules.of(configured)).join();
                for (PutInstrument i : InstrumentCatalog.load(config.instrumentsFile())) {
                    writer.submit(i).join();
                }
            } else {
                resumeRules(configured);
            }
            http.serveApi(writer, active, loader).await();
            observability.live(engine.rules().get().version(), replayed, recoverySeconds);
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
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

    public Engine engine() {
        return engine;
    }

    public Observability observability() {
        return observability;
    }

    @Override
    public void close() {
        observability.readiness().stopping();
        if (vertx != null) {
            vertx.close().await();
        }
        if (writer != null) {
            writer.close();
        }
        if (journal != null) {
            journal.close();
        }
        observability.close();
    }
}
