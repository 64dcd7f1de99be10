package com.copyguard.durability.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalTest {
    @TempDir
    Path dir;

    @BeforeEach
    void tenEntries() throws Exception {
        try (SqliteJournal j = new SqliteJournal(dir)) {
            List<JournalEntry> batch = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                batch.add(new JournalEntry(i, "v1", "{\"type\":\"AdvanceClock\",\"time\":" + i + "}"));
            }
            j.append(batch.subList(0, 4));
            j.append(batch.subList(4, 10));
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    private static List<Long> seqs(Journal j) throws JournalException {
        List<Long> out = new ArrayList<>();
        j.readAfter(0, e -> out.add(e.seq()));
        return out;
    }

    @Test
    void anIntactJournalVerifies() throws Exception {
        try (SqliteJournal j = new SqliteJournal(dir)) {
            JournalCheck check = j.verify(true);
            assertThat(check.entries()).isEqualTo(10);
            assertThat(check.droppedTornTail()).isFalse();
            assertThat(seqs(j)).hasSize(10);
            assertThat(j.checksumAt(10)).hasValue(new JournalEntry(10, "v1", "{\"type\":\"AdvanceClock\",\"time\":10}").checksum());
        }
    }

    @Test
    void aTornLastEntryIsDroppedAndRemoved() throws Exception {
        sql("UPDATE journal SET payload = substr(payload, 1, 12) WHERE seq = 10");
        try (SqliteJournal j = new SqliteJournal(dir)) {
            JournalCheck check = j.verify(true);
            assertThat(check.droppedSeq()).isEqualTo(10);
            assertThat(check.lastSeq()).isEqualTo(9);
            assertThat(j.lastSeq()).isEqualTo(9);
            assertThat(seqs(j)).hasSize(9);
            j.append(List.of(new JournalEntry(10, "v1", "{}")));
        }
        try (SqliteJournal j = new SqliteJournal(dir)) {
            assertThat(j.verify(true).droppedTornTail()).isFalse();
            assertThat(j.lastSeq()).isEqualTo(10);
        }
    }

    @Test
    void readOnlyVerificationSkipsATornLastEntryWithoutDeletingIt() throws Exception {
        sql("UPDATE journal SET crc = crc + 1 WHERE seq = 10");
        try (SqliteJournal j = SqliteJournal.openReadOnly(dir)) {
            assertThat(j.verify(false).droppedSeq()).isEqualTo(10);
            assertThat(seqs(j)).hasSize(9);
            assertThatThrownBy(() -> j.append(List.of(new JournalEntry(10, "v1", "{}"))))
                    .isInstanceOf(JournalException.class);
        }
        try (SqliteJournal j = new SqliteJournal(dir)) {
            assertThat(j.lastSeq()).as("the damaged row is still stored").isEqualTo(10);
        }
    }

    @Test
    void aDamagedEntryInTheMiddleRefusesWithAClearMessage() throws Exception {
        sql("UPDATE journal SET payload = replace(payload, '5', '6') WHERE seq = 5");
        try (SqliteJournal j = new SqliteJournal(dir)) {
            assertThatThrownBy(() -> j.verify(true))
                    .isInstanceOf(JournalException.class)
                    .hasMessageContaining("entry 5 fails its checksum")
                    .hasMessageContaining("not the last entry")
                    .hasMessageContaining("Refusing to start");
            assertThatThrownBy(() -> seqs(j)).hasMessageContaining("entry 5 fails its checksum");
        }
        try (SqliteJournal j = new SqliteJournal(dir)) {
            assertThat(j.lastSeq()).as("nothing was deleted").isEqualTo(10);
        }
    }

    @Test
    void aMissingEntryRefuses() throws Exception {
        sql("DELETE FROM journal WHERE seq = 3");
        try (SqliteJournal j = new SqliteJournal(dir)) {
            assertThatThrownBy(() -> j.verify(true)).hasMessageContaining("entry 3 is missing");
        }
    }
}
