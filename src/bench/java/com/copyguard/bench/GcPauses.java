package com.copyguard.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The longest garbage-collection pause of the run, from the collectors' notifications. With
 * ParallelGC and G1 (Java 17) every notified collection stops the application for its whole
 * duration; ZGC and Shenandoah also notify their concurrent cycles ("ZGC Cycles", "Shenandoah
 * Cycles"), which run beside the application and are not pauses: only their pause beans count. Pauses the
 * suite asks for itself (System.gc(), which the memory measurements call to weigh the live heap)
 * are kept apart: they are a measuring tool's, not the workload's.
 */
final class GcPauses {
    private static final long JVM_START_MS = ManagementFactory.getRuntimeMXBean().getStartTime();
    /**
     * The suite's steps by the JVM uptime (ms) they began at (BenchMain and the benches name them): a
     * pause or stall belongs to the step running when it began. By start time, because JFR delivers
     * stalls up to a second late.
     */
    private static final java.util.NavigableMap<Long, String> PHASES = new java.util.concurrent.ConcurrentSkipListMap<>(
            java.util.Map.of(0L, "start"));
    private static volatile GcPauses current;
    /** Per step: its longest pause or stall, ms, and how many of them exceeded 50 ms, in the order the steps ran. */
    private final java.util.Map<String, double[]> byPhase = new java.util.LinkedHashMap<>();
    private long maxMs;
    private String maxWhat = "none";
    private long maxExplicitMs;
    private long count;
    private long totalMs;
    private long over50Ms;

    static GcPauses watch() {
        GcPauses pauses = new GcPauses();
        current = pauses;
        pauses.watchAllocationStalls();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())
                            && !gc.getName().endsWith(" Cycles")) {
                        pauses.observe(GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()));
                    }
                }, null, null);
            }
        }
        return pauses;
    }

    private long stallCount;
    private double maxStallMs;
    /** The JFR stream of allocation stalls: its thread is not a daemon, so it must be closed for the JVM to exit. */
    private AutoCloseable stalls;

    /** Stops watching allocation stalls and G1's remark/cleanup pauses (those of the last moments before this may be missed). */
    void close() {
        try {
            if (stalls != null) {
                stalls.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ZGC does not stop the application to collect, but a thread that allocates faster than the
     * concurrent cycles free memory waits for them: an allocation stall, which the collector's
     * notifications do not show. JFR reports each one ({@code jdk.ZAllocationStall}); the suite
     * counts them so that a concurrent collector's short pauses are not read as no waiting at all.
     */
    private void watchAllocationStalls() {
        jdk.jfr.consumer.RecordingStream stream = new jdk.jfr.consumer.RecordingStream();
        stalls = stream;
        if (ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(b -> b.getName().startsWith("ZGC"))) {
            stream.enable("jdk.ZAllocationStall").withThreshold(java.time.Duration.ZERO);
            stream.onEvent("jdk.ZAllocationStall", e -> stalled(e.getStartTime().toEpochMilli() - JVM_START_MS,
                    e.getDuration().toNanos() / 1e6));
        } else {
            // Java 17's G1 beans notify young and full collections only; the concurrent cycle's remark
            // and cleanup stop the application too, and only JFR reports them
            stream.enable("jdk.GCPhasePause").withThreshold(java.time.Duration.ZERO);
            stream.onEvent("jdk.GCPhasePause", e -> {
                String name = e.getString("name");
                if (name != null && (name.startsWith("Pause Remark") || name.startsWith("Pause Cleanup"))) {
                    concurrentCyclePause(e.getStartTime().toEpochMilli() - JVM_START_MS, e.getDuration().toNanos() / 1e6);
                }
            });
        }
        stream.setReuse(false);
        stream.startAsync();
    }

    /** Names the step now running; a standalone bench without a watcher just sets the name. */
    static void phase(String name) {
        PHASES.put(ManagementFactory.getRuntimeMXBean().getUptime(), name);
        GcPauses p = current;
        if (p != null) {
            synchronized (p) {
                p.byPhase.computeIfAbsent(name, k -> new double[2]);
            }
        }
    }

    private void attribute(long startUptimeMs, double ms) {
        java.util.Map.Entry<Long, String> at = PHASES.floorEntry(startUptimeMs);
        double[] worst = byPhase.computeIfAbsent(at == null ? "start" : at.getValue(), k -> new double[2]);
        worst[0] = Math.max(worst[0], ms);
        if (ms > 50) {
            worst[1]++;
        }
    }

    /** Each step's longest pause or allocation stall and how many exceeded 50 ms, one line per step. */
    synchronized java.util.List<String> byPhase() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        byPhase.forEach((name, worst) -> lines.add(String.format(java.util.Locale.ROOT,
                "%-52s longest %9.1f ms, %5.0f over 50 ms", name, worst[0], worst[1])));
        return lines;
    }

    /** A remark or cleanup pause of G1's concurrent cycle: a pause like any other. */
    private synchronized void concurrentCyclePause(long startUptimeMs, double ms) {
        count++;
        paused(startUptimeMs, Math.round(ms), "G1 concurrent cycle (remark or cleanup)");
    }

    /** A pause the workloads caused: attributed to its step, added up, and the longest kept with {@code what}. */
    private void paused(long startUptimeMs, long ms, String what) {
        attribute(startUptimeMs, ms);
        totalMs += ms;
        if (ms > 50) {
            over50Ms++;
        }
        if (ms > maxMs) {
            maxMs = ms;
            maxWhat = what;
        }
    }

    private synchronized void stalled(long startUptimeMs, double ms) {
        attribute(startUptimeMs, ms);
        stallCount++;
        maxStallMs = Math.max(maxStallMs, ms);
    }

    /** Allocation stalls (ZGC only; 0 with a stop-the-world collector, whose waits are its pauses). */
    synchronized long stalls() {
        return stallCount;
    }

    /** The longest allocation stall, in ms. */
    synchronized double maxStallMs() {
        return maxStallMs;
    }

    private synchronized void observe(GarbageCollectionNotificationInfo info) {
        long ms = info.getGcInfo().getDuration();
        count++;
        // the memory probes' own collections: System.gc(), or the full collection a class histogram forces
        String cause = info.getGcCause();
        if ("System.gc()".equals(cause) || "Heap Inspection Initiated GC".equals(cause)) {
            maxExplicitMs = Math.max(maxExplicitMs, ms);
            return;
        }
        paused(info.getGcInfo().getStartTime(), ms, info.getGcName() + " (" + info.getGcCause() + ")");
    }

    /** The longest pause the workloads caused, in ms. */
    synchronized long maxMs() {
        return maxMs;
    }

    synchronized String maxWhat() {
        return maxWhat;
    }

    /** The longest pause of an explicit System.gc() (the memory measurements'), in ms. */
    synchronized long maxExplicitMs() {
        return maxExplicitMs;
    }

    /** The workloads' pauses added up, in ms. */
    synchronized long totalMs() {
        return totalMs;
    }

    /** How many of the workloads' pauses were longer than 50 ms (the bound). */
    synchronized long over50Ms() {
        return over50Ms;
    }

    /** The collector the JVM runs (the names of its beans). */
    static String collectors() {
        StringBuilder s = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            s.append(s.length() > 0 ? ", " : "").append(gc.getName());
        }
        return s.toString();
    }

    synchronized long count() {
        return count;
    }
}
