package com.copyguard.durability.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.PriceTick;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandCodecTest {
    @Test
    void decimalsKeepTheirExactScaleThroughTheJournal() {
        for (String amount : List.of("6E+4", "60000", "1.50", "0.00000001", "123456789012345678901234567890.123")) {
            Deposit d = new Deposit("A1", new BigDecimal(amount), "r", 1);
            Deposit back = (Deposit) CommandCodec.decode(CommandCodec.encode(d));
            assertThat(back).isEqualTo(d);
            assertThat(back.amount().scale()).as(amount).isEqualTo(d.amount().scale());
        }
        PriceTick p = new PriceTick(5, List.of(new PriceTick.SymbolPrice("BTCUSDT", new BigDecimal("6.1E+4"))));
        assertThat(CommandCodec.decode(CommandCodec.encode(p))).isEqualTo(p);
    }

    @Test
    void plainJournalsWrittenBeforeStillRead() {
        Deposit d = (Deposit) CommandCodec.decode(
                "{\"type\":\"Deposit\",\"accountId\":\"A1\",\"amount\":60000,\"requestId\":\"r\",\"time\":1}");
        assertThat(d.amount()).isEqualTo(new BigDecimal("60000"));
    }
}
