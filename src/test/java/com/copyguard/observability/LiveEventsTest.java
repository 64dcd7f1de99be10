package com.copyguard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import com.copyguard.core.engine.EngineEvents;
import com.copyguard.core.engine.RiskActionRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveEventsTest {
    private static final RiskActionRecord STOP_LOSS = new RiskActionRecord("S1", "A1", "BTCUSDT", Side.LONG,
            RiskActionRecord.CLOSE, ReasonCode.STOP_LOSS, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE.negate(), "v1",
            List.of("Stop loss"), Map.of(), 1000L, "prices:1000", null);

    private final List<String> heard = new ArrayList<>();
    private final EngineEvents throwing = new EngineEvents() {
        @Override
        public void riskAction(RiskActionRecord action) {
            throw new IllegalStateException("listener bug");
        }
    };
    private final EngineEvents recording = new EngineEvents() {
        @Override
        public void riskAction(RiskActionRecord action) {
            heard.add(action.action() + "/" + action.reason());
        }

        @Override
        public void batchCommitted(int size, long nanos) {
            heard.add("batch " + size);
        }

        @Override
        public void rulesActivated(String version, String previousVersion) {
            heard.add("rules " + previousVersion + "->" + version);
        }

        @Override
        public void rulesActivationFailed(String version, String code) {
            heard.add("rules " + version + " failed " + code);
        }

        @Override
        public void commitFailed(String message) {
            heard.add("failed " + message);
        }
    };

    @Test
    void replayedInputsAreNotReportedButFailuresAre() {
        LiveEvents events = new LiveEvents(List.of(recording));
        events.batchCommitted(3, 10);
        events.riskAction(STOP_LOSS);
        events.rulesActivated("v2", "v1");
        events.rulesActivationFailed("v3", "RULES_INVALID");
        events.commitFailed("disk");
        assertThat(heard).containsExactly("rules v3 failed RULES_INVALID", "failed disk");

        events.goLive();
        events.batchCommitted(3, 10);
        events.riskAction(STOP_LOSS);
        events.rulesActivated("v2", "v1");
        assertThat(heard).endsWith("batch 3", "CLOSE/STOP_LOSS", "rules v1->v2");
    }

    @Test
    void aRefusedActivationInputIsAFailedActivation() {
        LiveEvents events = new LiveEvents(List.of(recording));
        events.goLive();
        events.inputRefused(new com.copyguard.core.command.ActivateRules("v9", "", new java.util.TreeMap<>()), "RULES_INVALID");
        assertThat(heard).containsExactly("rules v9 failed RULES_INVALID");
    }

    @Test
    void aFailingListenerNeitherReachesTheWriterNorSilencesTheOthers() {
        LiveEvents events = new LiveEvents(List.of(throwing, recording));
        events.goLive();
        events.riskAction(STOP_LOSS);
        assertThat(heard).containsExactly("CLOSE/STOP_LOSS");
    }
}
