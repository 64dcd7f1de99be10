package com.copyguard.cluster.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.paging.Cursor;
import com.copyguard.core.refusal.InputRefused;
import org.junit.jupiter.api.Test;

class DeskCursorTest {

    @Test
    void roundTripsAndFitsTheContractsFortyCharacters() {
        for (DeskCursor c : new DeskCursor[] {DeskCursor.FIRST, new DeskCursor(8_999, Long.MAX_VALUE), new DeskCursor(3, 0),
                new DeskCursor(15, 123_456_789L)}) {
            String text = c.encode();
            assertThat(text).hasSizeLessThanOrEqualTo(40).matches("[A-Za-z0-9_-]+");
            assertThat(DeskCursor.decode(text, 9_000)).isEqualTo(c);
        }
        assertThat(DeskCursor.decode(null, 16)).isEqualTo(DeskCursor.FIRST);
    }

    @Test
    void refusesWhatTheClusterDidNotMake() {
        for (String foreign : new String[] {"", "abc", Cursor.encode(5), new DeskCursor(16, 1).encode(), "x".repeat(41),
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("g1.1.99999999999999999999".getBytes())}) {
            assertThatThrownBy(() -> DeskCursor.decode(foreign, 16)).as(foreign).isInstanceOf(InputRefused.class)
                    .hasMessageContaining("is not a cursor this list returned");
        }
    }
}
