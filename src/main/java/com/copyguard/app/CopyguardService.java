package com.copyguard.app;

import com.copyguard.command.ActivateRules;
import com.copyguard.command.PutInstrument;
import com.copyguard.engine.Engine;
import com.copyguard.journal.SqliteJournal;
import com.copyguard.pipeline.Recovery;
import com.copyguard.pipeline.SingleWriter;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.RuleSet;
import com.copyguard.rules.RuleSetLoader;
import com.copyguard.rules.RuleSource;
import com.copyguard.server.HttpApi;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires rules, journal, engine, writer and HTTP together; start() recovers state before serving. */
public final class CopyguardService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CopyguardService.class);

    private final ServiceConfig config;
    private SqliteJournal journal;
    private SingleWriter writer;
    private Vertx vertx;
    private HttpApi http;
    private Engine engine;

    public CopyguardService(ServiceConfig config) {
        this.config = config;
    }

    public CopyguardService start() throws Exception {
        RuleSetLoader loader = new RuleSetLoader(config.rulesDir());
        String version = config.rulesVersion() != null ? config.rulesVersion() : activeVersion(config.rulesDir());
        RuleSource configured = loader.source(version);
        RuleSet rules = RuleSetLoader.compile(configured);
        engine = new Engine(new ActiveRules(rules));
        journal = new SqliteJournal(config.dataDir());
        long replayed = Recovery.replay(journal, engine, 0);
        LOG.info("recovered {} journaled inputs from {}", replayed, config.dataDir());
        writer = new SingleWriter(engine, journal, this::fatal);
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
        vertx = Vertx.vertx();
        http = new HttpApi(writer, loader, engine.rules().compiled(), config.host(), config.port());
        vertx.deployVerticle(http).await();
        return this;
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
        LOG.error("fail-stop: the journal failed, exiting so that no undurable input is acknowledged");
        Runtime.getRuntime().halt(70);
    }

    public int port() {
        return http.port();
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        if (vertx != null) {
            vertx.close().await();
        }
        if (writer != null) {
            writer.close();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
