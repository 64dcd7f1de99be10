package com.copyguard.durability.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a folder whose names carry a number (a journal sequence, a log offset): how the
 * single node's snapshots and the cluster sequencer's seat snapshots are found, put in place and
 * pruned.
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

    /**
     * Renames the fully written and synced {@code tmp} to {@code target} (atomically where the file
     * system can), then syncs the folder so the rename itself survives a crash.
     */
    public static void install(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    /**
     * Deletes all but the {@code keep} newest files of {@code dir} named by {@code name}, and every file
     * ending in {@code tmpSuffix}: left by a crash mid-write, never renamed, never read.
     */
    public static void prune(Path dir, Pattern name, int keep, String tmpSuffix) throws IOException {
        List<NumberedFile> all = newestFirst(dir, name);
        for (int i = keep; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i).path());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(tmpSuffix)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
