package com.copyguard.durability.replay;

import com.copyguard.durability.replay.ReplayEntry;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.durability.journal.JournalException;
import com.copyguard.durability.journal.SqliteJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded session to replay: the inputs in order with, for journal entries, the rule set
 * version that applied each one and who sent it. Read from a data directory's journal or from a JSON-lines file of
 * commands (one journal payload per line, blank lines and lines starting with # ignored).
 */
public record RecordedInput(String origin, List<ReplayEntry> entries) {

    public static RecordedInput fromJournal(Path dataDir) throws IOException, JournalException {
        Path db = dataDir.resolve("journal.db");
        if (!Files.isRegularFile(db)) {
            throw new IOException("no journal at " + db);
        }
        List<ReplayEntry> entries = new ArrayList<>();
        try (SqliteJournal journal = new SqliteJournal(dataDir)) {
            journal.readAfter(0, e -> entries.add(ReplayEntry.of(e)));
        }
        return new RecordedInput(db.toString(), List.copyOf(entries));
    }

    public static RecordedInput fromJsonLines(Path file) throws IOException {
        List<ReplayEntry> entries = new ArrayList<>();
        long line = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                entries.add(ReplayEntry.of(line, CommandCodec.decode(trimmed)));
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + line + ": not a command: " + e.getMessage(), e);
            }
        }
        return new RecordedInput(file.toString(), List.copyOf(entries));
    }
}
