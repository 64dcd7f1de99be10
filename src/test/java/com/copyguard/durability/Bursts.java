package com.copyguard.durability;

import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.durability.journal.SqliteJournal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs {@link HttpWorkload} clients concurrently and reads back what the journal holds. */
final class Bursts {
    private Bursts() {
    }

    /** Everything sent, in per-client order, and whether the burst was cut short. */
    record Result(List<HttpWorkload.Sent> sent) {
        long acked() {
            return sent.stream().filter(HttpWorkload.Sent::acked).count();
        }

        long unknown() {
            return sent.stream().filter(s -> s.status() < 0).count();
        }
    }

    /**
     * {@code clients} threads each send up to {@code perClient} inputs; {@code onAck} sees the running
     * count of acknowledged inputs (to pull a trigger mid-burst). A client stops at its first
     * unanswered request, since after that the service is gone.
     */
    static Result run(com.copyguard.testing.ApiClient api, long seed, int clients, int perClient, HttpWorkload.Setup setup, IntConsumer onAck)
            throws InterruptedException {
        List<HttpWorkload.Sent> sent = new CopyOnWriteArrayList<>();
        AtomicInteger acked = new AtomicInteger();
        AtomicBoolean gone = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            HttpWorkload.Client client = new HttpWorkload.Client(seed, c, clients, setup);
            Thread t = new Thread(() -> {
                HttpWorkload.Http http = new HttpWorkload.Http(api);
                for (int i = 0; i < perClient && !gone.get(); i++) {
                    HttpWorkload.Sent s = http.send(client.next());
                    sent.add(s);
                    if (s.status() < 0 || s.status() == 503) {
                        gone.set(true);
                        break;
                    }
                    client.answered(s);
                    if (s.acked()) {
                        onAck.accept(acked.incrementAndGet());
                    }
                }
            }, "burst-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(sent);
    }

    /** Keys of all journaled inputs, in journal order (the journal opened read-only). */
    static List<String> journalKeys(Path dataDir) throws Exception {
        List<String> keys = new ArrayList<>();
        try (SqliteJournal j = SqliteJournal.openReadOnly(dataDir)) {
            j.readAfter(0, e -> keys.add(HttpWorkload.keyOf(CommandCodec.decode(e.payload()))));
        }
        return keys;
    }

    /** Every acknowledged input appears in the journal exactly once; no refused input does. Returns problems. */
    static List<String> checkAgainstJournal(List<HttpWorkload.Sent> sent, List<String> journal) {
        Map<String, Integer> counts = new HashMap<>();
        journal.forEach(k -> counts.merge(k, 1, Integer::sum));
        List<String> problems = new ArrayList<>();
        counts.forEach((k, n) -> {
            if (n > 1) {
                problems.add(k + " is journaled " + n + " times");
            }
        });
        for (HttpWorkload.Sent s : sent) {
            String key = s.request().key();
            if (s.acked() && !counts.containsKey(key)) {
                problems.add("acknowledged " + s.status() + " but not in the journal: " + s.request());
            } else if (s.refused() && counts.containsKey(key)) {
                problems.add("refused " + s.status() + " but journaled: " + s.request() + " -> " + s.body());
            }
        }
        Collections.sort(problems);
        return problems;
    }
}
