package com.copyguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.durability.Engines;
import com.copyguard.core.refusal.Refusal;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.screening.ExpertScreening;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine tells its listeners about applied inputs; screening is one of them, and not an engine import. */
class AppliedCommandListenerTest {
    private static final PutInstrument BTC = new PutInstrument("BTCUSDT", new BigDecimal("0.001"),
            new BigDecimal("0.001"), 125, new BigDecimal("0.0006"), new BigDecimal("0.004"), null);

    @Test
    void listenersHearTheAppliedInputsInOrderBesideScreening() {
        List<String> heard = new ArrayList<>();
        ExpertScreening screening = new ExpertScreening();
        Engine engine = new Engine(new ActiveRules(Engines.rules()), EngineEvents.NONE, AnswerCodec.installed(), screening,
                a -> heard.add(a.command().getClass().getSimpleName() + "@" + a.clock()));

        engine.apply(BTC);
        assertThatThrownBy(() -> engine.apply(new Deposit("A-NONE", BigDecimal.TEN, "r1", 1_700_000_000_000L)))
                .isInstanceOf(Refusal.class);
        engine.apply(new PutExpert("alice", null, null, new BigDecimal("1000")));

        assertThat(heard).as("a refused deposit is not applied, so not heard")
                .containsExactly("PutInstrument@0", "PutExpert@0");
        assertThat(ExpertScreening.of(engine)).isSameAs(screening);
        assertThat(screening.history("alice")).as("screening heard the expert's equity too").isNotNull();
    }

    @Test
    void aListenerThatThrowsDoesNotFailTheAppliedInput() {
        Engine engine = new Engine(new ActiveRules(Engines.rules()), EngineEvents.NONE, AnswerCodec.installed(), new ExpertScreening(), a -> {
            throw new IllegalStateException("defect in a listener");
        });
        assertThat(engine.apply(BTC).changed()).isTrue();
        assertThat(engine.ledger().instrument("BTCUSDT")).isNotNull();
    }

    @Test
    void askingForAListenerTheEngineWasNotBuiltWithFails() {
        Engine engine = new Engine(new ActiveRules(Engines.rules()), EngineEvents.NONE, AnswerCodec.installed(), new ExpertScreening());
        assertThatThrownBy(() -> engine.listener(Recorder.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Recorder");
    }

    private static final class Recorder implements AppliedCommandListener {
        @Override
        public void applied(AppliedCommand applied) {
        }
    }
}
