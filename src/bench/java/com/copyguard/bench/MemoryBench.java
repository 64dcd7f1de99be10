package com.copyguard.bench;

import com.copyguard.core.engine.Engine;
import com.copyguard.core.rules.RuleSet;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Retained heap per subscription: the engine's state after N follows. Live bytes are summed from
 * the JVM's class histogram (the sizes of the live objects, after the full collection the
 * histogram forces), not read from the heap's used figure: ZGC accounts its heap in 2 MiB pages
 * and relocates only sparse ones, so "used after System.gc()" reads higher under ZGC than under
 * G1 or ParallelGC for the same objects. The histogram gives the same bytes under every collector.
 */
final class MemoryBench {
    record Result(int subscriptions, long bytesPerSubscription) {
    }

    private MemoryBench() {
    }

    static Result run(RuleSet rules, int subscriptions) {
        long before = liveBytes();
        Engine engine = BenchEngine.subscribed(rules, subscriptions, 100);
        long after = liveBytes();
        long perSub = (after - before) / subscriptions;
        if (engine.ledger().subscriptions().size() != subscriptions) {
            throw new IllegalStateException("not every follow was applied");
        }
        return new Result(subscriptions, perSub);
    }

    /** The bytes of every live object: the "Total" line of {@code GC.class_histogram}. */
    static long liveBytes() {
        try {
            Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] lines = histogram.toString().strip().split("\n");
            String[] total = lines[lines.length - 1].trim().split("\\s+");
            if (!total[0].equals("Total")) {
                throw new IllegalStateException("no Total line in the class histogram: " + lines[lines.length - 1]);
            }
            return Long.parseLong(total[2]);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("the class histogram is not available", e);
        }
    }
}
