package com.copyguard.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The journal in one SQLite file, WAL mode with synchronous=FULL: a batch is one transaction, so
 * one fsync covers every input in it (group commit). Each row carries a CRC32C of its content.
 */
public final class SqliteJournal implements Journal {
    private final Connection connection;
    private final PreparedStatement insert;
    private long lastSeq;

    public SqliteJournal(Path dataDir) throws JournalException {
        try {
            Files.createDirectories(dataDir);
            connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("journal.db"));
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY, rule_set TEXT NOT NULL, "
                        + "payload TEXT NOT NULL, crc INTEGER NOT NULL)");
            }
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT INTO journal (seq, rule_set, payload, crc) VALUES (?, ?, ?, ?)");
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM journal")) {
                lastSeq = rs.next() ? rs.getLong(1) : 0;
            }
            connection.commit();
        } catch (Exception e) {
            throw new JournalException("cannot open journal in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    static long checksum(long seq, String ruleSet, String payload) {
        CRC32C crc = new CRC32C();
        crc.update((seq + "|" + ruleSet + "|" + payload).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    @Override
    public synchronized void append(List<JournalEntry> batch) throws JournalException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            for (JournalEntry e : batch) {
                insert.setLong(1, e.seq());
                insert.setString(2, e.ruleSet());
                insert.setString(3, e.payload());
                insert.setLong(4, checksum(e.seq(), e.ruleSet(), e.payload()));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            lastSeq = batch.get(batch.size() - 1).seq();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the commit failure is what gets reported
            }
            throw new JournalException("journal commit failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void readAfter(long afterSeq, Consumer<JournalEntry> consumer) throws JournalException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT seq, rule_set, payload, crc FROM journal WHERE seq > ? ORDER BY seq")) {
            st.setLong(1, afterSeq);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    JournalEntry e = new JournalEntry(rs.getLong(1), rs.getString(2), rs.getString(3));
                    if (checksum(e.seq(), e.ruleSet(), e.payload()) != rs.getLong(4)) {
                        throw new JournalException("journal entry " + e.seq() + " fails its checksum: the journal is corrupt", null);
                    }
                    consumer.accept(e);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new JournalException("cannot read journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long lastSeq() {
        return lastSeq;
    }

    @Override
    public synchronized void close() {
        try {
            insert.close();
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown; nothing left to save
        }
    }
}
