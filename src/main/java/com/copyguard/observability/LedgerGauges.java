package com.copyguard.observability;

import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Valuation;
import com.copyguard.durability.writer.SingleWriter;
import com.copyguard.core.rules.ActiveRules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Totals over the ledger (follower equity, used margin, frozen and pending profit share,
 * subscriptions by status, experts being followed), exported as gauges. The ledger belongs to the
 * writer thread, so the totals are computed there, as a query queued behind the inputs, and the
 * gauges only read the last {@link Sample}. Each scrape asks for a refresh ({@link #refresh});
 * scrapes arriving while one is queued share it, so at most one sampling query waits in the
 * writer's queue however many scrapers there are.
 */
public final class LedgerGauges {
    /** One consistent reading of the ledger between two inputs. */
    public record Sample(BigDecimal equity, BigDecimal usedMargin, BigDecimal frozen, BigDecimal pendingProfitShare,
                         Map<SubscriptionStatus, Integer> subscriptions, int expertsFollowed, int accounts,
                         int openPositions) {
        static final Sample EMPTY = new Sample(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                Map.of(), 0, 0, 0);
    }

    private final ActiveRules rules;
    private final MultiGauge ruleSetInfo;
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();
    private volatile Sample sample = Sample.EMPTY;
    private volatile String infoVersion;

    public LedgerGauges(MeterRegistry registry, ActiveRules rules) {
        this.rules = rules;
        gauge(registry, "copyguard.follower.equity", "Total equity (balance + unrealized PnL) of all following accounts",
                s -> s.equity().doubleValue());
        gauge(registry, "copyguard.follower.used.margin", "Margin locked in followers' open positions",
                s -> s.usedMargin().doubleValue());
        gauge(registry, "copyguard.profit.share.frozen", "Profit share frozen on withdrawal requests, not yet released",
                s -> s.frozen().doubleValue());
        gauge(registry, "copyguard.profit.share.pending", "Profit share owed to experts, not yet settled",
                s -> s.pendingProfitShare().doubleValue());
        for (SubscriptionStatus status : SubscriptionStatus.values()) {
            Gauge.builder("copyguard.subscriptions", this, g -> g.sample.subscriptions().getOrDefault(status, 0))
                    .description("Subscriptions, by status").tag("status", status.name()).register(registry);
        }
        Gauge.builder("copyguard.experts.followed", this, g -> g.sample.expertsFollowed())
                .description("Experts with at least one ACTIVE subscription: their fills are expected").register(registry);
        Gauge.builder("copyguard.accounts", this, g -> g.sample.accounts())
                .description("Following accounts (dedicated and pools)").register(registry);
        Gauge.builder("copyguard.follower.open.positions", this, g -> g.sample.openPositions())
                .description("Open follower positions").register(registry);
        ruleSetInfo = MultiGauge.builder("copyguard.rule.set.info")
                .description("The active rule set version (value always 1)").register(registry);
        updateRuleSetInfo();
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Sample> value) {
        Gauge.builder(name, this, g -> value.applyAsDouble(g.sample)).description(description).baseUnit("usdt")
                .register(registry);
    }

    /** Re-reads the active rule version (thread-safe: ActiveRules is an atomic reference). */
    private void updateRuleSetInfo() {
        String version = rules.get().version();
        if (!version.equals(infoVersion)) {
            ruleSetInfo.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
            infoVersion = version;
        }
    }

    /**
     * Brings the gauges up to date: queues a sampling query on the writer, or joins the one already
     * queued. Completes when the sample is in (or failed).
     */
    public CompletableFuture<Void> refresh(SingleWriter writer) {
        updateRuleSetInfo();
        while (true) {
            CompletableFuture<Void> queued = inFlight.get();
            if (queued != null) {
                return queued;
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                writer.query(engine -> {
                    sample = sample(engine);
                    return null;
                }).whenComplete((reply, error) -> {
                    inFlight.set(null);
                    if (error != null) {
                        mine.completeExceptionally(error);
                    } else {
                        mine.complete(null);
                    }
                });
                return mine;
            }
        }
    }

    /** Computes the totals; writer thread only. */
    private static Sample sample(Engine engine) {
        Ledger ledger = engine.ledger();
        Valuation valuation = ledger.valuation();
        BigDecimal equity = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal frozen = BigDecimal.ZERO;
        int positions = 0;
        for (Account a : ledger.accounts()) {
            equity = equity.add(valuation.equity(a));
            used = used.add(valuation.usedMargin(a));
            frozen = frozen.add(a.frozen());
            positions += a.positions().size();
        }
        BigDecimal pending = BigDecimal.ZERO;
        Map<SubscriptionStatus, Integer> byStatus = new EnumMap<>(SubscriptionStatus.class);
        Set<String> followed = new HashSet<>();
        for (Subscription s : ledger.subscriptions()) {
            pending = pending.add(engine.profitShare().pending(s));
            byStatus.merge(s.status(), 1, Integer::sum);
            if (s.status() == SubscriptionStatus.ACTIVE) {
                followed.add(s.expertId());
            }
        }
        return new Sample(equity, used, frozen, pending, byStatus, followed.size(), ledger.accounts().size(), positions);
    }
}
