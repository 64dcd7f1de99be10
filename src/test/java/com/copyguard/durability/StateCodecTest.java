package com.copyguard.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.command.Command;
import com.copyguard.command.Deposit;
import com.copyguard.domain.LeverageSetting;
import com.copyguard.domain.SubscriptionSettings;
import com.copyguard.engine.DecisionRecord;
import com.copyguard.engine.Engine;
import com.copyguard.engine.Result;
import com.copyguard.json.ApiJson;
import com.copyguard.ledger.Account;
import com.copyguard.ledger.Ledger;
import com.copyguard.ledger.MarketPrices;
import com.copyguard.ledger.Subscription;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    private static Engines.Built built;

    @BeforeAll
    static void buildState() {
        built = Engines.build(7, 1500);
    }

    private record Written(byte[] body, StateCodec.Encoded encoded) {
    }

    private static Written write(Object root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StateCodec.Encoded encoded = StateCodec.write(root, out);
        return new Written(out.toByteArray(), encoded);
    }

    private static Engine restored(Written w) throws Exception {
        Engine fresh = Engines.fresh();
        StateCodec.readInto(fresh, new ByteArrayInputStream(w.body()), w.encoded().descriptors(), w.encoded().hash());
        return fresh;
    }

    @Test
    void aRestoredEngineHasTheSameHashAndAnswersTheSame() throws Exception {
        Engine live = built.engine();
        Written w = write(live);
        Engine copy = restored(w);

        assertThat(StateHash.of(copy)).isEqualTo(w.encoded().hash()).isEqualTo(StateHash.of(live));
        assertThat(live.ledger().accounts()).hasSizeGreaterThan(5);
        for (Account a : live.ledger().accounts()) {
            assertThat(copy.views().account(copy.ledger().account(a.accountId())))
                    .isEqualTo(live.views().account(a));
            assertThat(copy.views().transactions(copy.ledger().account(a.accountId())))
                    .isEqualTo(live.views().transactions(a));
        }
        assertThat(copy.decisions().size()).isEqualTo(live.decisions().size()).isGreaterThan(100);
        assertThat(copy.decisions().query(null, null, 50)).isEqualTo(live.decisions().query(null, null, 50));
    }

    @Test
    void aRestoredEngineGoesOnExactlyLikeTheLiveOne() throws Exception {
        Engines.Built a = Engines.build(11, 600);
        Engine copy = restored(write(a.engine()));
        CommandMix more = new CommandMix(99, a.engine(), 3, 16, CommandMix.Weights.BALANCED);
        CommandMix same = new CommandMix(99, copy, 3, 16, CommandMix.Weights.BALANCED);
        for (int i = 0; i < 400; i++) {
            Command c = more.next();
            assertThat(same.next()).isEqualTo(c);
            assertThat(Engines.apply(copy, c)).isEqualTo(Engines.apply(a.engine(), c));
        }
        assertThat(StateHash.of(copy)).isEqualTo(StateHash.of(a.engine()));
    }

    @Test
    void remembersIdempotentAnswersThroughARestore() throws Exception {
        Engine live = built.engine();
        Deposit first = (Deposit) built.journal().stream().filter(c -> c instanceof Deposit).findFirst().orElseThrow();
        Result original = live.apply(first);
        Engine copy = restored(write(live));
        Result again = copy.apply(first);
        assertThat(again.changed()).isFalse();
        assertThat(ApiJson.tree(again)).isEqualTo(ApiJson.tree(original));
        assertThat(StateHash.of(copy)).isEqualTo(StateHash.of(live));
    }

    @Test
    void fillsTheFreshEnginesObjectsInPlaceAndKeepsSharedObjectsShared() throws Exception {
        Engine fresh = Engines.fresh();
        Ledger ledger = fresh.ledger();
        MarketPrices prices = ledger.prices();
        Written w = write(built.engine());
        StateCodec.readInto(fresh, new ByteArrayInputStream(w.body()), w.encoded().descriptors(), w.encoded().hash());

        assertThat(fresh.ledger()).isSameAs(ledger);
        assertThat(fresh.ledger().prices()).isSameAs(prices);
        assertThat(field(fresh.ledger().valuation(), "prices")).isSameAs(prices);
        assertThat(field(fresh.views(), "ledger")).isSameAs(ledger);
        Subscription s = fresh.ledger().subscriptions().iterator().next();
        DecisionRecord bySubscription = fresh.decisions().query(null, s.subscriptionId(), 1).get(0);
        assertThat(fresh.decisions().query(bySubscription.fillId(), null, 100_000))
                .anySatisfy(d -> assertThat(d).isSameAs(bySubscription));
    }

    @Test
    void keepsSharedConstantsIdentical() throws Exception {
        Engine copy = restored(write(built.engine()));
        for (Subscription s : built.engine().ledger().subscriptions()) {
            SubscriptionSettings restored = copy.ledger().subscription(s.subscriptionId()).settings();
            assertThat(restored == SubscriptionSettings.DEFAULTS).isEqualTo(s.settings() == SubscriptionSettings.DEFAULTS);
            assertThat(restored.getLeverage() == LeverageSetting.FOLLOW)
                    .isEqualTo(s.settings().getLeverage() == LeverageSetting.FOLLOW);
        }
    }

    /** State objects of other shapes than the engine's, for the generic cases. */
    static final class Holder {
        Map<String, Integer> hashed = new HashMap<>();
        Set<Object> set = new HashSet<>();
        Map<String, BigDecimal> immutable = Map.of();
        TreeMap<String, Long> sorted = new TreeMap<>();
        List<Object> list = new ArrayList<>();
        transient Object cache = "not state";
        long counter;
        Object any;
    }

    @Test
    void hashOrderedCollectionsAreWrittenCanonically() {
        Holder a = new Holder();
        Holder b = new Holder();
        b.hashed = new HashMap<>(1024);
        for (int i = 0; i < 200; i++) {
            a.hashed.put("k" + i, i);
            b.hashed.put("k" + (199 - i), 199 - i);
            a.set.add(BigDecimal.valueOf(i));
            b.set.add(BigDecimal.valueOf(199 - i));
        }
        a.immutable = Map.of("x", BigDecimal.ONE, "y", BigDecimal.TEN, "z", BigDecimal.ZERO);
        b.immutable = Map.of("z", BigDecimal.ZERO, "y", BigDecimal.TEN, "x", BigDecimal.ONE);
        assertThat(StateCodec.hash(a)).isEqualTo(StateCodec.hash(b));
        b.counter = 1;
        assertThat(StateCodec.hash(a)).isNotEqualTo(StateCodec.hash(b));
    }

    @Test
    void decimalsKeepTheirScaleAndValuesTheirType() throws Exception {
        Holder h = new Holder();
        h.list.addAll(List.of(new BigDecimal("1.50"), new BigDecimal("1.5"), new BigDecimal("123456789012345678901234567890.1"),
                7, 7L, (short) 7, "7", true, 'c', 1.25d, Set.of(), new LinkedHashMap<>(Map.of("a", 1)),
                java.nio.file.Path.of("rules", "v1"), java.time.ZoneId.of("Asia/Shanghai"), java.time.ZoneOffset.ofHours(8),
                java.time.Instant.ofEpochMilli(1_700_000_000_000L)));
        h.sorted.put("b", 2L);
        h.sorted.put("a", 1L);
        h.any = h.list;
        Written w = write(h);
        Holder copy = new Holder();
        copy.cache = "fresh";
        StateCodec.readInto(copy, new ByteArrayInputStream(w.body()), w.encoded().descriptors(), w.encoded().hash());
        assertThat(copy.list).isEqualTo(h.list);
        assertThat(((BigDecimal) copy.list.get(0)).scale()).isEqualTo(2);
        assertThat(copy.list.get(4)).isInstanceOf(Long.class);
        assertThat(copy.any).isSameAs(copy.list);
        assertThat(copy.sorted).isInstanceOf(TreeMap.class).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
        assertThat(copy.cache).as("transient fields are not state").isEqualTo("fresh");
    }

    static final class WithCounter {
        AtomicLong counter = new AtomicLong();
    }

    static final class Outer {
        WithCounter inner = new WithCounter();
    }

    @Test
    void anUnsupportedTypeIsReportedWithItsFieldPath() {
        assertThatThrownBy(() -> StateCodec.hash(new Outer()))
                .isInstanceOf(SnapshotEncodingException.class)
                .hasMessageContaining("java.util.concurrent.atomic.AtomicLong")
                .hasMessageContaining("Outer.inner.WithCounter.counter");
        Holder h = new Holder();
        h.any = (Runnable) () -> { };
        assertThatThrownBy(() -> StateCodec.hash(h)).hasMessageContaining("transient");
    }

    @Test
    void aSnapshotOfClassesThatChangedSinceIsUnusable() {
        Holder h = new Holder();
        Written w = write(h);
        List<String> changed = new ArrayList<>(w.encoded().descriptors());
        changed.replaceAll(d -> d.replace("|counter:long", "|counter:int"));
        assertThat(changed).isNotEqualTo(w.encoded().descriptors());
        assertThatThrownBy(() -> StateCodec.readInto(new Holder(), new ByteArrayInputStream(w.body()), changed,
                w.encoded().hash()))
                .isInstanceOf(SnapshotUnusableException.class)
                .hasMessageContaining("changed since the snapshot was written");
    }

    @Test
    void aDamagedBodyIsUnusable() {
        Written w = write(built.engine());
        byte[] body = w.body().clone();
        body[body.length / 2] ^= 0x01;
        assertThatThrownBy(() -> StateCodec.readInto(Engines.fresh(), new ByteArrayInputStream(body),
                w.encoded().descriptors(), w.encoded().hash()))
                .isInstanceOfAny(SnapshotUnusableException.class, java.io.IOException.class, RuntimeException.class);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
