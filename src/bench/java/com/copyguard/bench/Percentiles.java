package com.copyguard.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of latency samples in milliseconds. */
final class Percentiles {
    private final double[] sorted;

    Percentiles(double[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(this.sorted);
    }

    double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    int count() {
        return sorted.length;
    }
}
