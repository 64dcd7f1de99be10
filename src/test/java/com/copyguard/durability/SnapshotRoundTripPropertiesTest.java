package com.copyguard.durability;

import com.copyguard.durability.snapshot.StateHash;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.Command;
import com.copyguard.durability.snapshot.StateEncoding;
import com.copyguard.core.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For seeded states of the durability command mix (fills, prices, deposits, withdrawals, follows,
 * settings, stops, clock), a snapshot round trip gives the same state hash, and the restored engine
 * goes on deciding exactly like the live one.
 */
class SnapshotRoundTripPropertiesTest {

    @Property(tries = 12)
    void aRestoredSnapshotHashesAndBehavesLikeTheLiveEngine(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                             @ForAll @IntRange(min = 20, max = 300) int inputs)
            throws Exception {
        Engines.Built built = Engines.build(seed, inputs);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StateEncoding.Encoded encoded = StateEncoding.write(built.engine().state(), body);
        Engine restored = Engines.fresh();
        restored.restore(StateEncoding.read(new ByteArrayInputStream(body.toByteArray()), encoded.hash()));
        assertThat(StateHash.of(restored)).isEqualTo(encoded.hash()).isEqualTo(StateHash.of(built.engine()));

        CommandMix more = new CommandMix(seed + 1, built.engine(), 3, 16, CommandMix.Weights.BALANCED);
        CommandMix same = new CommandMix(seed + 1, restored, 3, 16, CommandMix.Weights.BALANCED);
        for (int i = 0; i < 60; i++) {
            Command c = more.next();
            assertThat(same.next()).isEqualTo(c);
            assertThat(Engines.apply(restored, c)).as("applied %s", c).isEqualTo(Engines.apply(built.engine(), c));
        }
        assertThat(StateHash.of(restored)).isEqualTo(StateHash.of(built.engine()));
    }
}
