package com.copyguard.screening;

import com.copyguard.command.ApiException;
import com.copyguard.engine.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * GET /experts as a leaderboard: every expert's screening summary, filtered (verdict, a flag,
 * minimum trading days), sorted by one metric (missing values last, ties by expert id; without
 * {@code sort} in the order experts were created) and cut to {@code limit} (default and maximum 1,000).
 */
public record Leaderboard(Verdict verdict, FlagCode flag, int minTradingDays, String sort, boolean ascending,
                          int limit) {
    public static final int MAX_LIMIT = 1000;
    private static final List<String> SORTS = List.of("roi", "maxDrawdown", "winRate", "followers", "followersPnl",
            "tradingDays", "expertId");

    public static Leaderboard parse(String verdict, String flag, String minTradingDays, String sort, String order,
                                    String limit) {
        FlagCode f = null;
        if (flag != null && !flag.isEmpty()) {
            try {
                f = FlagCode.valueOf(flag);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("flag must be a screening flag code; got '" + flag + "'");
            }
        }
        String s = sort == null || sort.isEmpty() ? null : sort;
        if (s != null && !SORTS.contains(s)) {
            throw ApiException.invalid("sort must be one of " + String.join(", ", SORTS) + "; got '" + sort + "'");
        }
        String o = order == null || order.isEmpty() ? ("expertId".equals(s) ? "asc" : "desc") : order.toLowerCase(Locale.ROOT);
        if (!o.equals("asc") && !o.equals("desc")) {
            throw ApiException.invalid("order must be asc or desc; got '" + order + "'");
        }
        return new Leaderboard(ScreeningQueries.verdictParam(verdict), f, whole(minTradingDays, "minTradingDays", 0, 100_000, 0),
                s, o.equals("asc"), whole(limit, "limit", 1, MAX_LIMIT, MAX_LIMIT));
    }

    private static int whole(String value, String name, int min, int max, int dflt) {
        if (value == null || value.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below with the range
        }
        throw ApiException.invalid(name + " must be a whole number from " + min + " to " + max + "; got '" + value + "'");
    }

    ArrayNode rank(List<Screening> all) {
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
        ArrayNode arr = Json.array();
        for (int i = 0; i < kept.size() && i < limit; i++) {
            arr.add(ScreeningViews.summary(kept.get(i)));
        }
        return arr;
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
