package com.copyguard.cluster.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.cluster.DeskKey;
import com.copyguard.core.paging.Cursor;
import com.copyguard.core.refusal.InputRefused;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeskCursorTest {

    @Test
    void roundTripsAndFitsTheContractsFortyCharacters() {
        for (DeskKey k : new DeskKey[] {new DeskKey(DeskKey.NO_MARK, 0, 0), new DeskKey(Long.MAX_VALUE, 8_999, Long.MAX_VALUE),
                new DeskKey(3, 0, 0), new DeskKey(1_234_567_890_123L, 15, 123_456_789L)}) {
            String text = DeskCursor.encode(k);
            assertThat(text).hasSizeLessThanOrEqualTo(40).matches("[A-Za-z0-9_-]+");
            assertThat(DeskCursor.decode(text, 9_000)).isEqualTo(k);
        }
        assertThat(DeskCursor.decode(null, 16)).as("no cursor: the first page").isNull();
    }

    @Test
    void refusesWhatTheClusterDidNotMake() {
        String otherVersion = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(19).put((byte) 'j').putLong(1).putShort((short) 1).putLong(1).array());
        String negativePosition = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(19).put((byte) 'k').putLong(1).putShort((short) 1).putLong(-5).array());
        String markBelowNone = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(19).put((byte) 'k').putLong(-2).putShort((short) 1).putLong(5).array());
        for (String foreign : new String[] {"", "abc", Cursor.encode(5), Cursor.encodeOldestFirst(5),
                DeskCursor.encode(new DeskKey(1, 16, 1)), "x".repeat(41), "x".repeat(26), otherVersion, negativePosition,
                markBelowNone, DeskCursor.encode(new DeskKey(1, 1, 1)) + "A",
                Base64.getUrlEncoder().withoutPadding().encodeToString("g1.1.99".getBytes())}) {
            assertThatThrownBy(() -> DeskCursor.decode(foreign, 16)).as(foreign).isInstanceOf(InputRefused.class)
                    .hasMessageContaining("is not a cursor this list returned");
        }
    }
}
