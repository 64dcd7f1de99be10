package com.copyguard.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The longest garbage-collection pause of the run, from the collectors' notifications (with the
 * suite's ParallelGC every collection stops the application for its whole duration). Pauses the
 * suite asks for itself (System.gc(), which the memory measurements call to weigh the live heap)
 * are kept apart: they are a measuring tool's, not the workload's.
 */
final class GcPauses {
    private long maxMs;
    private String maxWhat = "none";
    private long maxExplicitMs;
    private long count;

    static GcPauses watch() {
        GcPauses pauses = new GcPauses();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        pauses.observe(GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()));
                    }
                }, null, null);
            }
        }
        return pauses;
    }

    private synchronized void observe(GarbageCollectionNotificationInfo info) {
        long ms = info.getGcInfo().getDuration();
        count++;
        if ("System.gc()".equals(info.getGcCause())) {
            maxExplicitMs = Math.max(maxExplicitMs, ms);
        } else if (ms > maxMs) {
            maxMs = ms;
            maxWhat = info.getGcName() + " (" + info.getGcCause() + ")";
        }
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

    synchronized long count() {
        return count;
    }
}
