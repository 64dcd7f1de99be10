package com.copyguard.core.rules;

import static com.copyguard.core.rules.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.RuleFailure;
import com.copyguard.core.rules.facts.CloseCopy;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.FollowerState;
import com.copyguard.core.rules.facts.OpenCopy;
import com.copyguard.core.rules.facts.PositionRisk;
import com.copyguard.core.rules.facts.RuleDecision;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.drools.core.common.InternalFactHandle;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long-lived sessions decide exactly as fresh ones. The oracle is the same compiled version wrapped
 * in a second {@link RuleSet} whose idle sessions are disposed before every evaluation, so each of
 * its batches runs in brand-new sessions (what every evaluation did before sessions were pooled).
 * Identical random batches go through both, small ones (one session) and ones above
 * {@link RuleEvaluator#PARALLEL_THRESHOLD} (one session per partition), with batches that throw or
 * run away mixed in, and every fact's outcome, reason, rules fired (in order), explanation and
 * decided values must match, as must every refusal.
 */
class ReusedSessionsTest {
    /** Two test-only rules that fail on marked subscriptions: the real rules ignore these ids. */
    private static final String FAILURES = """
            package copyguard;

            import com.copyguard.core.rules.facts.OpenCopy;

            rule "Test: a consequence that throws on a marked copy"
            when
                $c : OpenCopy( follower.subscriptionId == "boom" )
            then
                if (true) {
                    throw new IllegalStateException("deliberate failure in a test rule");
                }
            end

            rule "Test: a marked copy that never settles"
            when
                $c : OpenCopy( follower.subscriptionId == "loop" )
            then
                modify($c) { explain("loop", "again") }
            end
            """;
    private static final String[] SETTINGS = {"{}", "{\"maxSlippage\":\"0.001\"}", "{\"maxMarginPerOrderRatio\":\"0.05\"}",
            "{\"maxPositionValue\":\"1000\"}", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}}", "{\"marginMode\":\"ISOLATED\"}",
            "{\"pairs\":[\"ETHUSDT\"]}", "{\"stopLossRatio\":\"0.5\"}", "{\"takeProfitRatio\":\"2\"}",
            "{\"maxMarginPerPair\":\"50\"}"};
    private static final SubscriptionSettings[] PARSED = Arrays.stream(SETTINGS).map(Facts::settings)
            .toArray(SubscriptionSettings[]::new);
    private static final Instrument BTC = Facts.instrument("0.001", "0.001", 125, "0.0004");

    private static final Map<String, RuleSet> COMPILED = new java.util.HashMap<>();

    /**
     * The version with the failing test rules, as a new {@link RuleSet} with its own empty pool each
     * call; the compiled KieBase is shared between calls (compiling takes seconds).
     */
    private static RuleSet compile(String version) throws RuleCompilationException {
        RuleSet compiled = COMPILED.get(version);
        if (compiled == null) {
            Map<String, String> files = new TreeMap<>(RuleSetLoader.drlFiles(Path.of("rules", version)));
            files.put("zz-test-failures.drl", FAILURES);
            compiled = RuleSetLoader.compile(version + "+failures", "real rules and two failing test rules", files);
            COMPILED.put(version, compiled);
        }
        return new RuleSet(compiled.source(), compiled.kieBase(), compiled.releaseId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v3"})
    void reusedSessionsDecideEveryBatchAsFreshSessions(String version) throws RuleCompilationException {
        RuleSet reused = compile(version);
        RuleSet fresh = new RuleSet(reused.source(), reused.kieBase(), reused.releaseId());
        Random random = new Random(20261130L + version.hashCode());
        int[] sizes = {1, 3, 40, 200, RuleEvaluator.PARALLEL_THRESHOLD - 1, RuleEvaluator.PARALLEL_THRESHOLD,
                RuleEvaluator.PARALLEL_THRESHOLD + 7, 3_000};
        int batches = 0;
        int failures = 0;
        int evaluations = 0;
        for (int round = 0; round < 6; round++) {
            for (int size : sizes) {
                // every third batch carries a failing fact somewhere (one in the first partition, one in the last)
                String marker = switch ((round * sizes.length + batches) % 6) {
                    case 1 -> "boom";
                    case 4 -> "loop";
                    default -> null;
                };
                long seed = random.nextLong();
                boolean failed = compareOpens(reused, fresh, seed, size, marker);
                failures += failed ? 1 : 0;
                compareCloses(reused, fresh, seed, size);
                compareRisk(reused, fresh, seed, size);
                batches++;
                evaluations += 3;
            }
        }
        assertThat(failures).as("open batches refused (of %s)", batches).isGreaterThanOrEqualTo(batches / 4)
                .isLessThanOrEqualTo(batches * 3 / 4);
        // reuse really happened: fresh made sessions for every evaluation, the pooled version only one per
        // partition plus one for every partition that failed (its session is thrown away)
        int partitions = Runtime.getRuntime().availableProcessors();
        assertThat(fresh.sessionsCreated()).isGreaterThanOrEqualTo(evaluations);
        assertThat(reused.sessionsCreated()).as("sessions created for %s evaluations with %s failed", evaluations, failures)
                .isLessThanOrEqualTo((long) (failures + 1) * partitions);
        assertThat(reused.sessionsIdle()).isBetween(1, SessionPool.MAX_IDLE);
        assertThat(reused.sessions().lent()).isZero();
        reused.releaseSessions();
        assertThat(reused.sessionsIdle()).isZero();
    }

    /** Returns true when the batch was refused (by both). */
    private static boolean compareOpens(RuleSet reused, RuleSet fresh, long seed, int size, String marker) {
        List<OpenCopy> a = opens(seed, size, marker);
        List<OpenCopy> b = opens(seed, size, marker);
        return compare(reused, fresh, a, b, list -> RuleEvaluator.evaluateIndependent(reused, list),
                list -> RuleEvaluator.evaluateIndependent(fresh, list));
    }

    private static void compareCloses(RuleSet reused, RuleSet fresh, long seed, int size) {
        List<CloseCopy> a = closes(seed, size);
        List<CloseCopy> b = closes(seed, size);
        assertThat(compare(reused, fresh, a, b, list -> RuleEvaluator.evaluateIndependent(reused, list),
                list -> RuleEvaluator.evaluateIndependent(fresh, list))).isFalse();
    }

    private static void compareRisk(RuleSet reused, RuleSet fresh, long seed, int size) {
        List<List<PositionRisk>> a = risks(seed, size);
        List<List<PositionRisk>> b = risks(seed, size);
        List<PositionRisk> flatA = a.stream().flatMap(List::stream).toList();
        List<PositionRisk> flatB = b.stream().flatMap(List::stream).toList();
        assertThat(compare(reused, fresh, flatA, flatB, list -> RuleEvaluator.evaluateGroups(reused, a),
                list -> RuleEvaluator.evaluateGroups(fresh, b))).isFalse();
    }

    private static <T extends RuleDecision> boolean compare(RuleSet reused, RuleSet fresh, List<T> a, List<T> b,
                                                            Function<List<T>, Integer> viaReused,
                                                            Function<List<T>, Integer> viaFresh) {
        Throwable refusedReused = catchThrowable(() -> viaReused.apply(a));
        fresh.releaseSessions();
        long before = fresh.sessionsCreated();
        Throwable refusedFresh = catchThrowable(() -> viaFresh.apply(b));
        assertThat(fresh.sessionsCreated()).as("the oracle runs in new sessions only").isGreaterThan(before);
        if (refusedReused != null || refusedFresh != null) {
            assertThat(refusedReused).isInstanceOf(RuleFailure.class);
            assertThat(refusedFresh).isInstanceOf(RuleFailure.class);
            assertThat(((RuleFailure) refusedReused).errorCode()).isEqualTo(((RuleFailure) refusedFresh).errorCode());
            assertThat(refusedReused.getMessage()).isEqualTo(refusedFresh.getMessage());
            return true;
        }
        for (int i = 0; i < a.size(); i++) {
            assertThat(snapshot(a.get(i))).as("fact %s of %s", i, a.size()).isEqualTo(snapshot(b.get(i)));
        }
        return false;
    }

    /** Everything a rule decided on a fact: outcome, reason, rules fired in order, explanation, values. */
    private static Map<String, Object> snapshot(RuleDecision fact) {
        Map<String, Object> out = new TreeMap<>();
        out.put("firedRules", List.copyOf(fact.getFiredRules()));
        out.put("explanation", List.copyOf(fact.getExplanation().entrySet()));
        Method[] methods = fact.getClass().getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            boolean getter = m.getName().startsWith("get") || m.getName().startsWith("is");
            if (!getter || m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Class<?> type = m.getReturnType();
            if (type.isPrimitive() || type.isEnum() || type == String.class || type == java.math.BigDecimal.class
                    || type == Integer.class || type == Long.class || type == Boolean.class) {
                try {
                    Object v = m.invoke(fact);
                    out.put(m.getName(), v instanceof java.math.BigDecimal bd ? bd.toPlainString() : v);
                } catch (ReflectiveOperationException e) {
                    out.put(m.getName(), "threw " + e.getCause());
                }
            }
        }
        return out;
    }

    private static List<OpenCopy> opens(long seed, int size, String marker) {
        Random r = new Random(seed);
        ExpertOrder order = new ExpertOrder("E1", "f" + seed, "BTCUSDT", r.nextBoolean() ? Side.LONG : Side.SHORT, true,
                d(pick(r, "0.5", "1", "10", "0.001")), d("100"), 1 + r.nextInt(50), MarginMode.CROSS,
                r.nextInt(20) == 0 ? FillStatus.PARTIALLY_FILLED_CANCELED : FillStatus.FILLED, 1000L,
                d(pick(r, "1000", "50000", "7")), d("0"), r.nextBoolean() ? null : (long) r.nextInt(5_000));
        String mark = pick(r, "100", "100.2", "99.7", "101");
        List<OpenCopy> copies = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = "S" + i;
            if (marker != null && (i == 0 || i == size - 1)) {
                id = marker;
            }
            FollowMode mode = FollowMode.values()[r.nextInt(FollowMode.values().length)];
            String equity = pick(r, "1000000", "1000", "100", "5", "0");
            FollowerState follower = new FollowerState(id, "A" + i, mode,
                    r.nextInt(15) == 0 ? SubscriptionStatus.INTERRUPTED : SubscriptionStatus.ACTIVE,
                    PARSED[r.nextInt(PARSED.length)], mode == FollowMode.FIXED_MARGIN ? d(pick(r, "10", "0.5", "300")) : null,
                    d(pick(r, "1", "0.5", "3", "0.01")), 0L, d(equity), d(r.nextBoolean() ? equity : pick(r, "1", "10", "0")),
                    d(pick(r, "0", "30", "60")), d(pick(r, "0", "900", "5000")), r.nextInt(8) != 0);
            copies.add(new OpenCopy(order, BTC, follower, d(mark)));
        }
        return copies;
    }

    private static List<CloseCopy> closes(long seed, int size) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        ExpertOrder order = new ExpertOrder("E1", "c" + seed, "BTCUSDT", Side.LONG, false, d(pick(r, "1", "5", "10")),
                d("100"), 10, MarginMode.CROSS, FillStatus.FILLED, 2000L, d("1000"), d(pick(r, "10", "5")), null);
        List<CloseCopy> copies = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copies.add(new CloseCopy(order, BTC, "S" + i, d(pick(r, "1", "0.003", "0.0011", "7.5"))));
        }
        return copies;
    }

    /** Risk facts grouped per account (one to three positions each), as the risk pass hands them over. */
    private static List<List<PositionRisk>> risks(long seed, int size) {
        Random r = new Random(seed ^ 0x2545F4914F6CDD1DL);
        List<List<PositionRisk>> groups = new ArrayList<>();
        int made = 0;
        while (made < size) {
            int n = Math.min(size - made, 1 + r.nextInt(3));
            List<PositionRisk> group = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                group.add(new PositionRisk("S" + made, "BTCUSDT", r.nextBoolean() ? Side.LONG : Side.SHORT, d("1"), d("100"),
                        d(pick(r, "95", "94.99", "120.01", "100", "50", "180")), d(pick(r, "10", "2", "100")),
                        r.nextBoolean() ? MarginMode.CROSS : MarginMode.ISOLATED, d("0.005"), PARSED[r.nextInt(PARSED.length)]));
                made++;
            }
            groups.add(group);
        }
        return groups;
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    @Test
    void aFailedBatchDisposesItsSessionAndTheNextBatchStartsClean() throws RuleCompilationException {
        RuleSet rules = compile("v1");
        List<OpenCopy> good = opens(1L, 5, null);
        RuleEvaluator.evaluate(rules, good);
        assertThat(rules.sessionsCreated()).isEqualTo(1);
        assertThat(rules.sessionsIdle()).isEqualTo(1);

        for (String marker : List.of("boom", "loop")) {
            long created = rules.sessionsCreated();
            List<OpenCopy> failing = opens(2L, 5, marker);
            RuleFailure e = (RuleFailure) catchThrowable(() -> RuleEvaluator.evaluate(rules, failing));
            assertThat(e.errorCode()).isEqualTo((marker.equals("boom") ? RefusalCode.RULE_FAILED : RefusalCode.RULE_RUNAWAY).name());
            assertThat(rules.sessionsIdle()).as("the failed session is not kept").isZero();

            List<OpenCopy> again = opens(1L, 5, null);
            RuleEvaluator.evaluate(rules, again);
            assertThat(rules.sessionsCreated()).as("a new session after the failure").isEqualTo(created + 1);
            for (int i = 0; i < good.size(); i++) {
                assertThat(snapshot(again.get(i))).isEqualTo(snapshot(good.get(i)));
            }
        }
        // and once settled, the same session serves batch after batch
        long created = rules.sessionsCreated();
        for (int i = 0; i < 20; i++) {
            RuleEvaluator.evaluate(rules, opens(3L + i, 1 + i, null));
        }
        assertThat(rules.sessionsCreated()).isEqualTo(created);
    }

    /**
     * What makes the decisions identical: a session handed back holds no fact, no listener but the
     * recorder, and numbers the next facts (handle id and recency, which orders equal-salience
     * activations) exactly as a session that was never used.
     */
    @Test
    void aReturnedSessionIsIndistinguishableFromANewOne() throws RuleCompilationException {
        RuleSet rules = compile("v1");
        RuleEvaluator.evaluate(rules, closes(6L, 500));
        SessionPool.Lease reused = rules.sessions().borrow();
        KieSession session = reused.session();
        assertThat(session.getFactCount()).isZero();
        assertThat(session.getAgendaEventListeners()).containsExactly(FiredRuleRecorder.INSTANCE);
        KieSession brandNew = rules.kieBase().newKieSession();
        try {
            for (int i = 0; i < 3; i++) {
                InternalFactHandle a = (InternalFactHandle) session.insert(new Object());
                InternalFactHandle b = (InternalFactHandle) brandNew.insert(new Object());
                assertThat(a.getId()).isEqualTo(b.getId());
                assertThat(a.getRecency()).isEqualTo(b.getRecency());
            }
        } finally {
            brandNew.dispose();
            rules.sessions().discard(reused);
        }
    }

    /**
     * An evaluation whose caller is interrupted while a helper partition still runs (here a runaway
     * copy keeps the second partition busy) waits for that partition, is refused, passes the interrupt
     * on, and leaves the sessions able to decide the next batch exactly as a new session does.
     */
    @Test
    void anInterruptedEvaluationWaitsForItsPartitionsIsRefusedAndLeavesNothingBehind() throws RuleCompilationException {
        RuleSet rules = compile("v1");
        RuleSet fresh = new RuleSet(rules.source(), rules.kieBase(), rules.releaseId());
        int size = RuleEvaluator.PARALLEL_THRESHOLD * 2;
        List<OpenCopy> batch = new ArrayList<>(closesAsOpens(9L, size - 1));
        batch.addAll(opens(10L, 1, "loop"));
        Thread.currentThread().interrupt();
        Throwable refused = catchThrowable(() -> RuleEvaluator.evaluateIndependent(rules, batch));
        boolean flagKept = Thread.interrupted();
        // the helper's own refusal is the one reported: the caller waited for it instead of giving up
        assertThat(refused).isInstanceOf(RuleFailure.class);
        assertThat(((RuleFailure) refused).errorCode()).isEqualTo(RefusalCode.RULE_RUNAWAY.name());
        assertThat(rules.sessions().lent()).as("no partition still running").isZero();
        assertThat(flagKept).as("the interrupt is passed on").isTrue();
        assertThat(rules.sessionsIdle()).as("the runaway partition's session is gone").isLessThanOrEqualTo(1);

        List<CloseCopy> a = closes(8L, size);
        List<CloseCopy> b = closes(8L, size);
        assertThat(compare(rules, fresh, a, b, list -> RuleEvaluator.evaluateIndependent(rules, list),
                list -> RuleEvaluator.evaluateIndependent(fresh, list))).isFalse();
    }

    /** Open copies the rules settle quickly (a partially filled order is rejected at once). */
    private static List<OpenCopy> closesAsOpens(long seed, int size) {
        ExpertOrder order = new ExpertOrder("E1", "p" + seed, "BTCUSDT", Side.LONG, true, d("1"), d("100"), 10,
                MarginMode.CROSS, FillStatus.PARTIALLY_FILLED_CANCELED, 1000L, d("1000"), d("0"), null);
        List<OpenCopy> copies = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            FollowerState f = new FollowerState("S" + i, "A" + i, FollowMode.MULTIPLIER, SubscriptionStatus.ACTIVE,
                    SubscriptionSettings.DEFAULTS, null, d("1"), 0L, d("1000"), d("1000"), d("0"), d("0"), true);
            copies.add(new OpenCopy(order, BTC, f, d("100")));
        }
        return copies;
    }

    @Test
    void aLentSessionIsOwnedByTheThreadThatBorrowedIt() throws Exception {
        RuleSet rules = compile("v1");
        SessionPool pool = rules.sessions();
        SessionPool.Lease lease = pool.borrow();
        Throwable elsewhere = CompletableFuture.supplyAsync(() -> catchThrowable(lease::session)).get();
        assertThat(elsewhere).isInstanceOf(IllegalStateException.class).hasMessageContaining("owned by");
        Throwable returnedElsewhere = CompletableFuture.supplyAsync(() -> catchThrowable(() -> pool.giveBack(lease))).get();
        assertThat(returnedElsewhere).isInstanceOf(IllegalStateException.class);
        assertThat(lease.session()).isNotNull();
        pool.giveBack(lease);
        assertThatThrownBy(lease::session).as("an idle session belongs to nobody").isInstanceOf(IllegalStateException.class);
        // borrowing twice never hands out the same session
        SessionPool.Lease first = pool.borrow();
        SessionPool.Lease second = pool.borrow();
        assertThat(first).isNotSameAs(second);
        pool.giveBack(first);
        pool.giveBack(second);
        rules.releaseSessions();
    }

    @Test
    void replacingTheActiveVersionDropsItsIdleSessions() throws RuleCompilationException {
        RuleSet v1 = compile("v1");
        RuleSet v3 = compile("v3");
        ActiveRules active = new ActiveRules(v1);
        RuleEvaluator.evaluate(active.get(), opens(4L, 3, null));
        assertThat(v1.sessionsIdle()).isEqualTo(1);
        active.swap(v3);
        assertThat(v1.sessionsIdle()).isZero();
        RuleEvaluator.evaluate(active.get(), opens(4L, 3, null));
        assertThat(v3.sessionsIdle()).isEqualTo(1);
        // a stopped shadow candidate drops its sessions too
        active.shadow().start(v1);
        RuleEvaluator.evaluate(v1, opens(5L, 3, null));
        assertThat(v1.sessionsIdle()).isEqualTo(1);
        active.shadow().stop();
        assertThat(v1.sessionsIdle()).isZero();
        assertThat(v3.sessionsIdle()).isEqualTo(1);
    }
}
