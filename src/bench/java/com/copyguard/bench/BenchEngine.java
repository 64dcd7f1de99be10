package com.copyguard.bench;

import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.durability.replay.ReplayEntry;
import com.copyguard.durability.replay.Replayer;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.Json;
import com.copyguard.core.engine.Result;
import com.copyguard.durability.journal.SqliteJournal;
import com.copyguard.durability.writer.SingleWriter;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.screening.EngineAssembly;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The real engine behind the real single writer and SQLite journal, in process, for benchmarks. */
final class BenchEngine implements AutoCloseable {
    /** Event times are real instants (years 2000-2999): the benchmarks count milliseconds from here. */
    static final long T0 = 1_700_000_000_000L;
    static final String[] MODES = {"SMART_RATIO", "FIXED_MARGIN", "MULTIPLIER"};
    private static final JsonNode[] SETTINGS = {
            json("{}"),
            json("{\"maxMarginPerOrderRatio\":\"0.2\",\"stopLossRatio\":\"0.8\"}"),
            json("{\"leverage\":{\"mode\":\"FIXED\",\"value\":10},\"maxSlippage\":\"0.01\"}"),
            json("{\"guardian\":{\"maxNetLoss\":\"900\"},\"takeProfitRatio\":\"5\",\"marginMode\":\"ISOLATED\"}"),
    };

    final Engine engine;
    final SingleWriter writer;
    private final SqliteJournal journal;
    private final Path dir;
    private int fillSeq;

    BenchEngine(RuleSet rules) throws Exception {
        dir = Files.createTempDirectory("copyguard-bench");
        journal = new SqliteJournal(dir);
        engine = EngineAssembly.create(new ActiveRules(rules));
        writer = new SingleWriter(engine, journal, () -> {
            throw new IllegalStateException("journal failed during the benchmark");
        });
        writer.start();
    }

    private static com.copyguard.core.command.SettingsPatch settings(JsonNode json) {
        return json == null || json.isNull() ? null : com.copyguard.json.input.SettingsParser.patch(json);
    }

    static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    Result submit(Command c) {
        return writer.submit(c).join();
    }

    void submitAll(List<? extends Command> commands) {
        List<CompletableFuture<Result>> pending = new ArrayList<>(commands.size());
        for (Command c : commands) {
            pending.add(writer.submit(c));
        }
        pending.forEach(CompletableFuture::join);
    }

    void instruments(int extraSymbols) {
        List<Command> cs = new ArrayList<>();
        cs.add(new PutInstrument("BTCUSDT", d("0.001"), d("0.001"), 125, d("0.0006"), d("0.004"), null));
        cs.add(new PutInstrument("ETHUSDT", d("0.01"), d("0.01"), 100, d("0.0006"), d("0.005"), null));
        for (int i = 0; i < extraSymbols; i++) {
            cs.add(new PutInstrument("S" + i + "USDT", d("0.1"), d("0.1"), 50, d("0.0006"), d("0.01"), null));
        }
        submitAll(cs);
    }

    void expert(String id, String equity) {
        submit(new PutExpert(id, d("0.1"), null, d(equity)));
    }

    /** The catalog, one expert "lead" with equity 1,000,000, and {@code n} mixed followers of it. */
    void leadWithFollowers(int n) {
        instruments(0);
        expert("lead", "1000000");
        followers("lead", n, 0);
    }

    /** {@code n} followers of {@code expertId}, mixing the three modes and four settings profiles. */
    void followers(String expertId, int n, int offset) {
        List<Command> cs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = offset + i;
            FollowMode mode = FollowMode.valueOf(MODES[k % 3]);
            cs.add(new Follow("f" + k, expertId, mode, d(String.valueOf(500 + (k % 20) * 250)),
                    mode == FollowMode.FIXED_MARGIN ? d("20") : null, mode == FollowMode.MULTIPLIER ? d("0.02") : null,
                    false, settings(SETTINGS[k % SETTINGS.length]), T0 + 1_000, false));
        }
        submitAll(cs);
    }

    /** {@code time}: milliseconds after {@link #T0}. */
    ExpertFill fill(String expertId, String symbol, FillAction action, String qty, String price, long time) {
        return new ExpertFill(expertId, "b" + (++fillSeq), symbol, action, d(qty), d(price), 20, MarginMode.CROSS,
                FillStatus.FILLED, T0 + time, null);
    }

    /** {@code time}: milliseconds after {@link #T0}. */
    PriceTick tick(long time, String symbol, String price) {
        return new PriceTick(T0 + time, List.of(new PriceTick.SymbolPrice(symbol, d(price))));
    }

    /**
     * A fresh engine with one instrument (BTCUSDT), {@code subscriptions / followersPerExpert} experts
     * and {@code subscriptions} follows spread over them and over the three modes.
     */
    static Engine subscribed(RuleSet rules, int subscriptions, int followersPerExpert) {
        Replayer replayer = Replayer.of(EngineAssembly.create(new ActiveRules(rules)));
        replay(replayer, new PutInstrument("BTCUSDT", d("0.001"), d("0.001"), 125, d("0.0006"), d("0.004"), null));
        int experts = Math.max(1, subscriptions / followersPerExpert);
        for (int e = 0; e < experts; e++) {
            replay(replayer, new PutExpert("x" + e, d("0.1"), null, d("100000")));
        }
        for (int i = 0; i < subscriptions; i++) {
            FollowMode mode = FollowMode.valueOf(MODES[i % 3]);
            replay(replayer, new Follow("f" + i, "x" + (i % experts), mode, d("1000"),
                    mode == FollowMode.FIXED_MARGIN ? d("20") : null, mode == FollowMode.MULTIPLIER ? d("0.02") : null,
                    false, null, T0 + 1_000, false));
        }
        return replayer.engine();
    }

    /** Applies {@code c} through the one replay driver; a refused input fails the benchmark. */
    static void replay(Replayer replayer, Command c) {
        if (replayer.apply(ReplayEntry.of(0, c)) instanceof Replayer.Refused r) {
            throw new IllegalStateException("benchmark input refused: " + c, r.refusal());
        }
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Override
    public void close() {
        writer.close();
        journal.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
