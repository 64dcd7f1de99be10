package com.copyguard.core.screening;

import com.copyguard.core.refusal.InputRefused;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * GET /experts as a leaderboard: every expert's screening summary, filtered (verdict, a flag,
 * minimum trading days) and sorted by one metric (missing values last, ties by expert id; without
 * {@code sort} in the order experts were created). The page walk of every list cuts it into pages.
 */
public record Leaderboard(Verdict verdict, FlagCode flag, int minTradingDays, String sort, boolean ascending) {
    private static final List<String> SORTS = List.of("roi", "maxDrawdown", "winRate", "followers", "followersPnl",
            "tradingDays", "expertId");

    public static Leaderboard of(Verdict verdict, FlagCode flag, Integer minTradingDays, String sort, String order) {
        if (sort != null && !SORTS.contains(sort)) {
            throw InputRefused.invalid("sort must be one of " + String.join(", ", SORTS) + "; got " + InputRefused.quote(sort));
        }
        String o = order == null ? ("expertId".equals(sort) ? "asc" : "desc") : order.toLowerCase(Locale.ROOT);
        if (!o.equals("asc") && !o.equals("desc")) {
            throw InputRefused.invalid("order must be asc or desc; got " + InputRefused.quote(order));
        }
        return new Leaderboard(verdict, flag, minTradingDays == null ? 0 : minTradingDays, sort, o.equals("asc"));
    }

    List<Screening> rank(List<Screening> all) {
        List<Screening> kept = new ArrayList<>();
        for (Screening s : all) {
            if ((verdict == null || s.verdict() == verdict)
                    && (flag == null || s.flags().stream().anyMatch(x -> x.code() == flag))
                    && s.metrics().tradingDays() >= minTradingDays) {
                kept.add(s);
            }
        }
        if (sort != null) {
            kept.sort(order());
        }
        return kept;
    }

    private Comparator<Screening> order() {
        Comparator<Screening> byId = Comparator.comparing(Screening::expertId);
        if (sort.equals("expertId")) {
            return ascending ? byId : byId.reversed();
        }
        Function<Screening, BigDecimal> key = switch (sort) {
            case "roi" -> s -> s.metrics().roi();
            case "maxDrawdown" -> s -> s.metrics().maxDrawdown();
            case "winRate" -> s -> s.metrics().winRate();
            case "followers" -> s -> BigDecimal.valueOf(s.metrics().followers());
            case "followersPnl" -> s -> s.metrics().followersPnl();
            default -> s -> BigDecimal.valueOf(s.metrics().tradingDays());
        };
        Comparator<BigDecimal> values = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing(key, Comparator.nullsLast(values)).thenComparing(byId);
    }
}
