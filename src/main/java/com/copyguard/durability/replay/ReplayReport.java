package com.copyguard.durability.replay;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.json.Json;
import com.copyguard.core.engine.DecisionSummary;
import com.copyguard.json.ApiJson;
import com.copyguard.durability.replay.ReplayComparison.DecisionDifference;
import com.copyguard.durability.replay.ReplayComparison.FollowerComparison;
import com.copyguard.durability.replay.ReplayComparison.SubscriptionComparison;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/** Prints a {@link ReplayComparison} for people (a table per follower) or as JSON. */
public final class ReplayReport {
    private ReplayReport() {
    }

    public static void text(ReplayComparison c, PrintWriter out) {
        out.printf("Replay of %d inputs from %s%n", c.inputs(), c.origin());
        out.printf("  actual : %s (as recorded)%n", String.join(" → ", c.actualVersions()));
        out.printf("  what-if: %s — %s%n", c.whatIfVersion(), c.whatIfDescription());
        out.printf("  copy decisions: %d compared, %d differ%n", c.decisionsCompared(), c.decisionsDiffering());
        for (ReplayRefusal r : c.actualRefusals()) {
            out.printf("  note: the actual replay refused input %d (%s): %s %s%n", r.seq(), r.command(), r.code(), r.message());
        }
        out.printf("  inputs refused only in the what-if run: %d%n", c.whatIfRefusals().size());
        for (ReplayRefusal r : c.whatIfRefusals()) {
            out.printf("    input %d (%s): %s %s%n", r.seq(), r.command(), r.code(), r.message());
        }
        for (FollowerComparison f : c.followers()) {
            out.println();
            if (!f.differs()) {
                out.printf("follower %s — no difference (net PnL %s)%n", f.followerId(),
                        plain(sum(f, s -> s.actual().netPnl())));
                continue;
            }
            out.printf("follower %s — DIFFERS: net PnL %s → %s (%s)%n", f.followerId(), plain(sum(f, s -> s.actual().netPnl())),
                    plain(sum(f, s -> s.whatIf() == null ? BigDecimal.ZERO : s.whatIf().netPnl())),
                    signed(sum(f, s -> (s.whatIf() == null ? BigDecimal.ZERO : s.whatIf().netPnl()).subtract(s.actual().netPnl()))));
            for (SubscriptionComparison s : f.subscriptions()) {
                subscription(s, out);
            }
        }
        out.flush();
    }

    private static void subscription(SubscriptionComparison s, PrintWriter out) {
        out.printf("  %s follows %s (%s), account %s%n", s.subscriptionId(), s.expertId(), s.mode(), s.accountId());
        if (s.whatIf() == null) {
            out.println("    does not exist in the what-if run");
            return;
        }
        out.printf("    %-16s %16s %16s %16s%n", "", "actual", "what-if", "difference");
        row(out, "realized PnL", s.actual().realizedPnl(), s.whatIf().realizedPnl());
        row(out, "fees", s.actual().fees(), s.whatIf().fees());
        row(out, "unrealized PnL", s.actual().unrealizedPnl(), s.whatIf().unrealizedPnl());
        row(out, "net PnL", s.actual().netPnl(), s.whatIf().netPnl());
        row(out, "copies opened", BigDecimal.valueOf(s.actual().copiesOpened()), BigDecimal.valueOf(s.whatIf().copiesOpened()));
        row(out, "copies closed", BigDecimal.valueOf(s.actual().copiesClosed()), BigDecimal.valueOf(s.whatIf().copiesClosed()));
        if (s.decisions().isEmpty()) {
            out.println("    no decision differs");
            return;
        }
        out.printf("    %d decision%s differ%s:%n", s.decisions().size(), s.decisions().size() == 1 ? "" : "s",
                s.decisions().size() == 1 ? "s" : "");
        for (DecisionDifference d : s.decisions()) {
            out.printf("      %s/%s %s %s at %d: actual %s → what-if %s%n", d.expertId(), d.fillId(), d.action(), d.symbol(),
                    d.time(), verdict(d.actual()), verdict(d.whatIf()));
        }
    }

    private static void row(PrintWriter out, String label, BigDecimal actual, BigDecimal whatIf) {
        out.printf("    %-16s %16s %16s %16s%n", label, plain(actual), plain(whatIf), signed(whatIf.subtract(actual)));
    }

    private static String verdict(DecisionRecord d) {
        if (d == null) {
            return "no decision";
        }
        return d.outcome() + " qty " + plain(d.qty()) + (d.reason() == null ? "" : " (" + d.reason() + ")");
    }

    private static BigDecimal sum(FollowerComparison f, Function<SubscriptionComparison, BigDecimal> field) {
        BigDecimal total = BigDecimal.ZERO;
        for (SubscriptionComparison s : f.subscriptions()) {
            total = total.add(field.apply(s));
        }
        return total;
    }

    /** Money shown to 8 places at most, so long quotient tails do not swamp the table. */
    private static String plain(BigDecimal v) {
        return Decimals.plain(v.setScale(Math.min(v.scale(), 8), RoundingMode.HALF_EVEN));
    }

    private static String signed(BigDecimal v) {
        String p = plain(v);
        return v.signum() > 0 ? "+" + p : p;
    }

    public static ObjectNode json(ReplayComparison c) {
        ObjectNode n = Json.object();
        n.put("origin", c.origin());
        n.put("inputs", c.inputs());
        ArrayNode versions = n.putArray("actualVersions");
        c.actualVersions().forEach(versions::add);
        n.put("whatIfVersion", c.whatIfVersion());
        n.put("decisionsCompared", c.decisionsCompared());
        n.put("decisionsDiffering", c.decisionsDiffering());
        n.set("actualRefusals", Json.MAPPER.valueToTree(c.actualRefusals()));
        n.set("whatIfRefusals", Json.MAPPER.valueToTree(c.whatIfRefusals()));
        ArrayNode followers = n.putArray("followers");
        for (FollowerComparison f : c.followers()) {
            ObjectNode fn = followers.addObject();
            fn.put("followerId", f.followerId());
            fn.put("differs", f.differs());
            ArrayNode subs = fn.putArray("subscriptions");
            for (SubscriptionComparison s : f.subscriptions()) {
                ObjectNode sn = subs.addObject();
                sn.put("subscriptionId", s.subscriptionId());
                sn.put("expertId", s.expertId());
                sn.put("mode", s.mode());
                sn.put("accountId", s.accountId());
                sn.set("actual", figures(s.actual()));
                sn.set("whatIf", s.whatIf() == null ? null : figures(s.whatIf()));
                ArrayNode ds = sn.putArray("decisions");
                for (DecisionDifference d : s.decisions()) {
                    ObjectNode dn = ds.addObject();
                    dn.put("expertId", d.expertId());
                    dn.put("fillId", d.fillId());
                    dn.put("symbol", d.symbol());
                    dn.put("action", d.action());
                    dn.put("time", d.time());
                    dn.set("actual", d.actual() == null ? null : ApiJson.tree(DecisionSummary.of(d.actual())));
                    dn.set("whatIf", d.whatIf() == null ? null : ApiJson.tree(DecisionSummary.of(d.whatIf())));
                }
            }
        }
        return n;
    }

    private static ObjectNode figures(SubscriptionFigures f) {
        ObjectNode n = Json.object();
        Json.dec(n, "realizedPnl", f.realizedPnl());
        Json.dec(n, "fees", f.fees());
        Json.dec(n, "unrealizedPnl", f.unrealizedPnl());
        Json.dec(n, "netPnl", f.netPnl());
        n.put("copiesOpened", f.copiesOpened());
        n.put("copiesClosed", f.copiesClosed());
        return n;
    }
}
