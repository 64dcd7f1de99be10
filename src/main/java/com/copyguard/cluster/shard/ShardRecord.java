package com.copyguard.cluster.shard;

import com.copyguard.cluster.Envelope;
import com.copyguard.cluster.GatherRecords;
import com.copyguard.cluster.MarketSeq;
import com.copyguard.cluster.sequencer.SeatRecords;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of a shard's log as the shard engine takes it: its offset, its value (an input's journal
 * JSON, a read, a rule record, a share's JSON), its {@link Envelope}, and what the sequencer said of
 * it: a follow's seat grant, its offset on cg.seq ({@link MarketSeq}; null: none), a gather marker or share, the
 * expert of a resume that copies the expert's positions (handed on through the sequencer).
 */
public record ShardRecord(long offset, String json, byte[] value, Envelope envelope, SeatRecords.Grant grant, Long marketSeq,
                          GatherRecords.Marker marker, boolean share, String catchUpExpert) {

    public static ShardRecord of(ConsumerRecord<String, byte[]> r) {
        boolean share = GatherRecords.isShare(r.headers());
        return new ShardRecord(r.offset(), share ? null : new String(r.value(), StandardCharsets.UTF_8),
                share ? r.value() : null, Envelope.readFrom(r.headers()),
                SeatRecords.Grant.readFrom(r.headers()), MarketSeq.readFrom(r.headers()),
                GatherRecords.Marker.readFrom(r.headers()), share, GatherRecords.catchUpExpert(r.headers()));
    }

    /** An input or read record as the shard engine took them before gathers (tests, tools). */
    public static ShardRecord plain(long offset, String json, Envelope envelope, SeatRecords.Grant grant) {
        return new ShardRecord(offset, json, null, envelope, grant, null, null, false, null);
    }
}
