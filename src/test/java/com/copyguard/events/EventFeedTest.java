package com.copyguard.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.engine.ClockResult;
import com.copyguard.core.engine.Remembered;
import com.copyguard.core.engine.RiskActionRecord;
import com.copyguard.core.model.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events are published only once the input that made them is committed. */
class EventFeedTest {
    private final EventRing ring = new EventRing(100, 4, 1);
    private final EventFeed feed = new EventFeed(ring, 100);
    private final List<LiveEvent> published = new ArrayList<>();
    private final AdvanceClock input = new AdvanceClock(1_000);

    EventFeedTest() {
        ring.subscribe(null, new EventRing.Subscriber(new EventFilter(null, null, null, null), published::addAll));
    }

    private void riskAction(String subscriptionId) {
        feed.riskAction(new RiskActionRecord(subscriptionId, "A1", "BTCUSDT", null, RiskActionRecord.STOP,
                ReasonCode.STOP_LOSS, null, null, null, "v1", List.of("Stop loss"), Map.of(), 1_000, "ref", null));
    }

    @Test
    void anAppliedInputsEventsWaitForTheCommit() {
        feed.inputDequeued(input, 0);
        riskAction("S1");
        feed.inputApplied(input, new ClockResult(0), 0);
        assertThat(published).isEmpty();
        feed.batchCommitted(1, 0);
        assertThat(published).extracting(LiveEvent::type).containsExactly(EventType.RISK_ACTION);
        assertThat(published.get(0).json()).contains("\"reason\":\"STOP_LOSS\"");
    }

    @Test
    void aRefusedInputOrAFailedCommitPublishesNothing() {
        feed.inputDequeued(input, 0);
        riskAction("S1");
        feed.inputRefused(input, "RULE_FAILED");
        feed.inputDequeued(input, 0);
        riskAction("S2");
        feed.inputApplied(input, new ClockResult(0), 0);
        feed.commitFailed("disk full");
        feed.batchCommitted(1, 0);
        assertThat(published).isEmpty();
        assertThat(ring.lastId()).isZero();
    }

    @Test
    void anInputThatChangedNothingPublishesNothing() {
        feed.inputDequeued(input, 0);
        riskAction("S1");
        feed.inputApplied(input, new Remembered(new byte[0], false), 0);
        feed.batchCommitted(1, 0);
        assertThat(published).isEmpty();
    }
}
