package com.copyguard.cluster.shard;

import com.copyguard.cluster.DeskKey;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Arrays;

/**
 * The marks ({@link DeskKey#mark}) of one log of a shard (its decisions or its risk actions), as
 * runs: every position from a run's start up to the next run's start has the run's mark, and a
 * position before the first run has {@link DeskKey#NO_MARK}. Marks only grow along the log, so a
 * run starts only where one market-wide input (or the account commands after it) added records;
 * runs wholly before the log's oldest kept record are dropped, so the runs are never more than the
 * records kept.
 */
final class MarkRuns {
    private long[] starts = new long[16];
    private long[] marks = new long[16];
    private int first;
    private int end;

    /** Records {@code [from, to)} were added under {@code mark} (not below any mark given before). */
    void added(long from, long to, long mark) {
        if (to <= from || (end > first && marks[end - 1] == mark)) {
            return;
        }
        if (end > first && (mark < marks[end - 1] || from < starts[end - 1])) {
            throw new IllegalStateException("marks go back: " + mark + " at " + from + " after " + marks[end - 1]
                    + " at " + starts[end - 1]);
        }
        if (end == starts.length) {
            compact();
        }
        starts[end] = from;
        marks[end] = mark;
        end++;
    }

    /** Forgets the runs that end at or before {@code oldestKept}: their records are no longer kept. */
    void keepFrom(long oldestKept) {
        while (end - first > 1 && starts[first + 1] <= oldestKept) {
            first++;
        }
    }

    private void compact() {
        int n = end - first;
        int size = Math.max(16, n * 2);
        starts = Arrays.copyOf(Arrays.copyOfRange(starts, first, end), size);
        marks = Arrays.copyOf(Arrays.copyOfRange(marks, first, end), size);
        first = 0;
        end = n;
    }

    /** The mark of the record at {@code position}. */
    long markOf(long position) {
        int run = lastStartAtOrBefore(position);
        return run < 0 ? DeskKey.NO_MARK : marks[run];
    }

    /**
     * The position below which this shard's records lie below {@code key} in the desk order (the
     * {@code before} of this shard's page under that key): on the key's own shard its position; on
     * a lower shard every record whose mark is at most the key's; on a higher shard every record
     * whose mark is below it. Marks grow with the position, so each is a prefix of the log.
     */
    long before(DeskKey key, int shard) {
        if (shard == key.shard()) {
            return key.position();
        }
        return shard < key.shard() ? firstStartAbove(key.mark()) : firstStartAbove(key.mark() - 1);
    }

    /** The start of the first run whose mark is above {@code mark}; none: every position. */
    private long firstStartAbove(long mark) {
        if (mark < DeskKey.NO_MARK) {
            return 0; // nothing lies below a key whose mark is below every mark
        }
        int lo = first;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (marks[mid] > mark) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == end ? Long.MAX_VALUE : starts[lo];
    }

    private int lastStartAtOrBefore(long position) {
        int lo = first;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1 < first ? -1 : lo - 1;
    }

    int size() {
        return end - first;
    }

    /** {@code [[start, mark], ...]}, oldest run first. */
    ArrayNode json() {
        ArrayNode a = Json.array();
        for (int i = first; i < end; i++) {
            a.addArray().add(starts[i]).add(marks[i]);
        }
        return a;
    }

    static MarkRuns fromJson(JsonNode runs) {
        MarkRuns out = new MarkRuns();
        for (JsonNode run : runs) {
            if (!run.isArray() || run.size() != 2 || !run.get(0).canConvertToLong() || !run.get(1).canConvertToLong()) {
                throw new IllegalArgumentException("not a run: " + run);
            }
            out.added(run.get(0).asLong(), Long.MAX_VALUE, run.get(1).asLong());
        }
        return out;
    }
}
