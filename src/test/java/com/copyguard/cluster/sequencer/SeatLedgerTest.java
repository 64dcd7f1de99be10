package com.copyguard.cluster.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sequencer's seats: grants count until answered, reports replace a shard's count, repeats change nothing. */
class SeatLedgerTest {
    private final SeatLedger seats = new SeatLedger(4);

    @Test
    void aGrantCountsElsewhereUntilItsShardAnswers() {
        assertThat(seats.grant(10, "E", 1).elsewhere()).isZero();
        // a second follow on another shard sees the first one's seat in flight
        assertThat(seats.grant(11, "E", 2).elsewhere()).isEqualTo(1);
        // on the first follow's own shard it does not: that shard counts its own followers itself
        assertThat(seats.grant(12, "E", 1).elsewhere()).isEqualTo(1);
        assertThat(seats.seatsTaken("E")).isEqualTo(3);
        assertThat(seats.inFlight()).isEqualTo(3);

        seats.report(new SeatRecords.Report(1, 100, 10L, Map.of("E", 1))); // admitted
        seats.report(new SeatRecords.Report(2, 100, 11L, Map.of())); // refused for another reason: the seat comes back
        assertThat(seats.seatsTaken("E")).isEqualTo(2); // shard 1's follower, and grant 12 still in flight
        assertThat(seats.grant(13, "E", 3).elsewhere()).isEqualTo(2);
        assertThat(seats.grant(14, "E", 1).elsewhere()).isEqualTo(1); // grant 13 on shard 3
    }

    @Test
    void reportsAreAbsoluteAndASeenOffsetIsDropped() {
        seats.grant(1, "E", 0);
        seats.report(new SeatRecords.Report(0, 50, 1L, Map.of("E", 1)));
        seats.report(new SeatRecords.Report(0, 50, 1L, Map.of("E", 1))); // the same report read again
        seats.report(new SeatRecords.Report(0, 40, null, Map.of("E", 7))); // older than one already applied
        assertThat(seats.seatsTaken("E")).isEqualTo(1);
        assertThat(seats.inFlight()).isZero();

        seats.report(new SeatRecords.Report(0, 60, null, Map.of("E", 0))); // its follower stopped
        assertThat(seats.seatsTaken("E")).isZero();
        seats.report(new SeatRecords.Report(3, 61, null, Map.of("E", 2, "F", 5)));
        assertThat(seats.grant(2, "E", 0).elsewhere()).isEqualTo(2);
        assertThat(seats.grant(3, "F", 3).elsewhere()).isZero();
    }

    @Test
    void aReportSurvivesTheRecordCodec() {
        SeatRecords.Report r = new SeatRecords.Report(7, 123_456_789_012L, 42L, Map.of("E1", 3, "E2", 0));
        assertThat(SeatRecords.Report.decode(r.encode())).isEqualTo(r);
        SeatRecords.Report none = new SeatRecords.Report(0, 1, null, Map.of("E", 1));
        assertThat(SeatRecords.Report.decode(none.encode())).isEqualTo(none);
    }
}
