package com.copyguard.durability.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a folder whose names carry a number (a journal sequence, a log offset), newest
 * first: how the single node's snapshots and the cluster sequencer's seat snapshots are found.
 */
public final class NumberedFiles {
    /** A file and the number its name carries. */
    public record NumberedFile(long number, Path path) {
    }

    private NumberedFiles() {
    }

    /**
     * The files of {@code dir} whose whole name matches {@code name} (group 1: the number), highest
     * number first; none when the folder does not exist.
     */
    public static List<NumberedFile> newestFirst(Path dir, Pattern name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<NumberedFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = name.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(new NumberedFile(Long.parseLong(m.group(1)), p));
                }
            }
        }
        out.sort(Comparator.comparingLong(NumberedFile::number).reversed());
        return out;
    }
}
