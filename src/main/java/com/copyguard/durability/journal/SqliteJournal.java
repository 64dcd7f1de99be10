package com.copyguard.durability.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The journal in one SQLite file, WAL mode with synchronous=FULL: a batch is one transaction, so
 * one fsync covers every input in it (group commit). Each row carries a CRC32C of its content.
 */
public final class SqliteJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteJournal.class);

    private final Path file;
    private final Connection connection;
    private final PreparedStatement insert;
    private final boolean readOnly;
    private long lastSeq;

    public SqliteJournal(Path dataDir) throws JournalException {
        this(dataDir, false);
    }

    private SqliteJournal(Path dataDir, boolean readOnly) throws JournalException {
        this.file = dataDir.resolve("journal.db");
        this.readOnly = readOnly;
        try {
            if (readOnly) {
                if (!Files.isRegularFile(file)) {
                    throw new JournalException("no journal at " + file, null);
                }
                SQLiteConfig config = new SQLiteConfig();
                config.setReadOnly(true);
                connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
                insert = null;
            } else {
                Files.createDirectories(dataDir);
                connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA journal_mode=WAL");
                    st.execute("PRAGMA synchronous=FULL");
                    st.execute("CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY, rule_set TEXT NOT NULL, "
                            + "payload TEXT NOT NULL, crc INTEGER NOT NULL)");
                }
                insert = connection.prepareStatement(
                        "INSERT INTO journal (seq, rule_set, payload, crc) VALUES (?, ?, ?, ?)");
            }
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM journal")) {
                lastSeq = rs.next() ? rs.getLong(1) : 0;
            }
            connection.commit();
        } catch (JournalException e) {
            throw e;
        } catch (Exception e) {
            throw new JournalException("cannot open journal in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing journal for reading only (tools): verify never deletes, append fails. */
    public static SqliteJournal openReadOnly(Path dataDir) throws JournalException {
        return new SqliteJournal(dataDir, true);
    }

    /** The entry in the current row (seq, rule_set, payload, crc), checked against its stored checksum. */
    private JournalEntry checkedEntry(ResultSet rs) throws SQLException, JournalException {
        JournalEntry e = new JournalEntry(rs.getLong(1), rs.getString(2), rs.getString(3));
        if (e.ruleSet() == null || e.payload() == null || e.checksum() != rs.getLong(4)) {
            throw new JournalException("journal entry " + e.seq() + " fails its checksum: the journal "
                    + file + " is corrupt", null);
        }
        return e;
    }

    @Override
    public synchronized void append(List<JournalEntry> batch) throws JournalException {
        if (batch.isEmpty()) {
            return;
        }
        if (readOnly) {
            throw new JournalException("journal " + file + " is open read-only", null);
        }
        try {
            for (JournalEntry e : batch) {
                insert.setLong(1, e.seq());
                insert.setString(2, e.ruleSet());
                insert.setString(3, e.payload());
                insert.setLong(4, e.checksum());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            lastSeq = batch.get(batch.size() - 1).seq();
        } catch (SQLException | RuntimeException e) {
            try {
                insert.clearBatch();
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
                "SELECT seq, rule_set, payload, crc FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            st.setLong(1, afterSeq);
            st.setLong(2, lastSeq);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(checkedEntry(rs));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<JournalEntry> lastOfType(String type, long atOrBefore) throws JournalException {
        try (PreparedStatement st = connection.prepareStatement("SELECT seq, rule_set, payload, crc FROM journal "
                + "WHERE seq <= ? AND payload LIKE ? ORDER BY seq DESC LIMIT 1")) {
            st.setLong(1, atOrBefore);
            st.setString(2, "{\"type\":\"" + type + "\"%");
            try (ResultSet rs = st.executeQuery()) {
                Optional<JournalEntry> found = rs.next() ? Optional.of(checkedEntry(rs)) : Optional.empty();
                connection.commit();
                return found;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized JournalCheck verify(boolean repair) throws JournalException {
        long expected = 1;
        long good = 0;
        long damaged = 0;
        String why = null;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, rule_set, payload, crc FROM journal ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (damaged != 0) {
                    throw corruptInMiddle(damaged, why, seq);
                }
                if (seq != expected) {
                    throw new JournalException("journal " + file + " is corrupt: entry " + expected + " is missing (the "
                            + "next stored entry is " + seq + "). Refusing to start rather than replay around a hole; "
                            + "restore the data directory from a backup.", null);
                }
                String ruleSet = rs.getString(2);
                String payload = rs.getString(3);
                long crc = rs.getLong(4);
                if (ruleSet == null || payload == null) {
                    damaged = seq;
                    why = "has an empty column";
                } else if (new JournalEntry(seq, ruleSet, payload).checksum() != crc) {
                    damaged = seq;
                    why = "fails its checksum";
                } else {
                    good++;
                }
                expected = seq + 1;
            }
            connection.commit();
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
        if (damaged != 0) {
            LOG.warn("{\"event\":\"journal_torn_tail\",\"seq\":{},\"message\":\"the last journal entry {} {}; it is "
                    + "treated as a torn write and dropped{}\"}", damaged, damaged, why, repair ? "" : " (read-only: not deleted)");
            if (repair) {
                deleteEntry(damaged);
            }
        }
        lastSeq = damaged != 0 ? damaged - 1 : expected - 1;
        return new JournalCheck(good, lastSeq, damaged, why);
    }

    private JournalException corruptInMiddle(long damaged, String why, long next) {
        return new JournalException("journal " + file + " is corrupt: entry " + damaged + " " + why
                + " but is not the last entry (entry " + next + " follows it), so this is not a torn write. Refusing "
                + "to start: replaying past it would lose or invent state. Restore the data directory from a backup.",
                null);
    }

    private void deleteEntry(long seq) throws JournalException {
        try (PreparedStatement st = connection.prepareStatement("DELETE FROM journal WHERE seq = ?")) {
            st.setLong(1, seq);
            st.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw new JournalException("cannot drop torn journal entry " + seq + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized OptionalLong checksumAt(long seq) throws JournalException {
        try (PreparedStatement st = connection.prepareStatement("SELECT crc FROM journal WHERE seq = ?")) {
            st.setLong(1, seq);
            try (ResultSet rs = st.executeQuery()) {
                OptionalLong out = rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                connection.commit();
                return out;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long lastSeq() {
        return lastSeq;
    }

    @Override
    public synchronized void close() {
        try {
            if (insert != null) {
                insert.close();
            }
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown; nothing left to save
        }
    }
}
