package com.copyguard.events;

import com.copyguard.api.RefusalStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.refusal.InputRefused;
import com.copyguard.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventRingTest {
    private static final EventFilter ALL = new EventFilter(null, null, null, null);

    private static LiveEvent.Pending pending(String follower, EventType type) {
        return new LiveEvent.Pending(type, follower, "E", Set.of("S-" + follower), () -> Json.object().put("who", follower));
    }

    private static List<LiveEvent.Pending> many(int n) {
        return IntStream.range(0, n).mapToObj(i -> pending("f" + i, EventType.DECISION)).toList();
    }

    @Test
    void idsAreOneSequenceAndAResumeGetsWhatFollowsItsId() {
        EventRing ring = new EventRing(10, 4, 100);
        ring.publish(many(3), 0);
        assertThat(ring.lastId()).isEqualTo(102);
        List<LiveEvent> backlog = ring.subscribe(100L, new EventRing.Subscriber(ALL, e -> { }));
        assertThat(backlog).extracting(LiveEvent::id).containsExactly(101L, 102L);
        assertThat(backlog.get(0).json()).contains("\"id\":101", "\"type\":\"DECISION\"", "\"who\":\"f1\"");
    }

    @Test
    void aResumePointOlderThanTheRingOrNeverSentIsGone() {
        EventRing ring = new EventRing(3, 4, 1);
        ring.publish(many(5), 0);   // ids 1..5, ring holds 3..5
        assertThat(ring.subscribe(2L, new EventRing.Subscriber(ALL, e -> { }))).extracting(LiveEvent::id)
                .containsExactly(3L, 4L, 5L);
        assertThatThrownBy(() -> ring.subscribe(1L, new EventRing.Subscriber(ALL, e -> { })))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.errorCode()).isEqualTo("EVENTS_GONE"));
        assertThatThrownBy(() -> ring.subscribe(6L, new EventRing.Subscriber(ALL, e -> { })))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(RefusalStatus.of(e.code())).isEqualTo(410));
    }

    @Test
    void eventsSkippedBeforePublishingStillTakeTheirIds() {
        EventRing ring = new EventRing(10, 4, 1);
        ring.publish(many(1), 0);          // id 1
        ring.publish(many(2), 5);          // 5 dropped by the feed: ids 2..6, then 7, 8
        assertThat(ring.lastId()).isEqualTo(8);
        assertThatThrownBy(() -> ring.subscribe(1L, new EventRing.Subscriber(ALL, e -> { })))
                .isInstanceOf(InputRefused.class);
        assertThat(ring.subscribe(6L, new EventRing.Subscriber(ALL, e -> { }))).hasSize(2);
    }

    @Test
    void subscribersGetOnlyWhatTheirFilterAcceptsAndTheNumberOfStreamsIsBounded() {
        EventRing ring = new EventRing(10, 2, 1);
        List<LiveEvent> mine = new ArrayList<>();
        EventRing.Subscriber s = new EventRing.Subscriber(new EventFilter("f1", null, null, Set.of(EventType.STATUS)),
                mine::addAll);
        ring.subscribe(null, s);
        ring.publish(List.of(pending("f1", EventType.DECISION), pending("f1", EventType.STATUS),
                pending("f2", EventType.STATUS)), 0);
        assertThat(mine).extracting(LiveEvent::type, LiveEvent::followerId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventType.STATUS, "f1"));
        ring.subscribe(null, new EventRing.Subscriber(ALL, e -> { }));
        assertThatThrownBy(() -> ring.subscribe(null, new EventRing.Subscriber(ALL, e -> { })))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.errorCode()).isEqualTo("TOO_MANY_STREAMS"));
        ring.unsubscribe(s);
        ring.subscribe(null, new EventRing.Subscriber(ALL, e -> { }));
    }

    @Test
    void itCountsOpenStreamsAndTheEventsHandedToThem() {
        EventRing ring = new EventRing(10, 4, 1);
        ring.publish(many(2), 0);
        EventRing.Subscriber a = new EventRing.Subscriber(ALL, e -> { });
        ring.subscribe(null, a);
        ring.subscribe(1L, new EventRing.Subscriber(ALL, e -> { })); // a resume: event 2 from the backlog
        assertThat(ring.streams()).isEqualTo(2);
        assertThat(ring.delivered()).isEqualTo(1);
        ring.publish(many(3), 0);
        assertThat(ring.delivered()).as("3 events to each of 2 streams").isEqualTo(7);
        ring.unsubscribe(a);
        assertThat(ring.streams()).isEqualTo(1);
    }
}
