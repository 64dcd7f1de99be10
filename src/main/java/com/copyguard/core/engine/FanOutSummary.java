package com.copyguard.core.engine;

import com.copyguard.core.model.ReasonCode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How the records of one fan-out divide (a fill's decisions, the risk actions it triggered, an expert
 * margin change's copies), so that its reply stays small however many followers it reached: how many
 * there are, how many of each outcome (for a risk action: the action taken) and, within each outcome,
 * of each reason code ({@value #NO_REASON} when a record has none), and where the records after the
 * reply's first page continue: {@code nextAfter} is the log position of that page's last record, null
 * when the first page holds them all. Maps are sorted by key, so equal fan-outs give equal bytes.
 */
public record FanOutSummary(long total, SortedMap<String, Long> byOutcome,
                            SortedMap<String, SortedMap<String, Long>> byReason, Long nextAfter) {
    /** How many records a reply lists; the same as a list endpoint's default page. */
    public static final int FIRST_PAGE = 100;
    public static final String NO_REASON = "NONE";

    /**
     * Counts {@code records} in one pass. {@code firstPosition} is the log position of the first
     * record (the fan-out's records are logged consecutively, in this order); it is only read when
     * there are more records than a first page.
     */
    public static <R> FanOutSummary of(List<R> records, Function<R, String> outcome, Function<R, ReasonCode> reason,
                                       long firstPosition) {
        TreeMap<String, Long> byOutcome = new TreeMap<>();
        TreeMap<String, SortedMap<String, Long>> byReason = new TreeMap<>();
        for (R r : records) {
            String o = outcome.apply(r);
            ReasonCode code = reason.apply(r);
            byOutcome.merge(o, 1L, Long::sum);
            byReason.computeIfAbsent(o, k -> new TreeMap<>()).merge(code == null ? NO_REASON : code.name(), 1L, Long::sum);
        }
        byReason.replaceAll((k, v) -> Collections.unmodifiableSortedMap(v));
        Long nextAfter = records.size() > FIRST_PAGE ? firstPosition + FIRST_PAGE - 1 : null;
        return new FanOutSummary(records.size(), Collections.unmodifiableSortedMap(byOutcome),
                Collections.unmodifiableSortedMap(byReason), nextAfter);
    }

    /**
     * A reply's cursor names a log position: the first record's plus its index. That holds because a
     * fan-out logs each record as it makes it, in the order it returns them, and nothing else is logged
     * meanwhile; the count is checked here, so a change that logs them otherwise fails loudly instead of
     * handing out cursors that skip or repeat records.
     */
    public static void requireLoggedTogether(String what, int made, long logSizeBefore, long logSizeAfter) {
        if (logSizeAfter - logSizeBefore != made) {
            throw new IllegalStateException(made + " " + what + " were made but the log grew by "
                    + (logSizeAfter - logSizeBefore) + "; reply cursors need them logged together");
        }
    }

    /** The records a reply lists: the first page, in the order they were made. */
    public static <R> List<R> firstPage(List<R> records) {
        return records.size() <= FIRST_PAGE ? records : records.subList(0, FIRST_PAGE);
    }
}
