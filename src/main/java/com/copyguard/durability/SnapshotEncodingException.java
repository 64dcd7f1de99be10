package com.copyguard.durability;

/**
 * The engine state holds something the state codec cannot write (an unsupported JDK type, a
 * lambda, a sorted collection with a comparator). The message names the field path so that the
 * owner of that field can mark it {@code transient} (not state) or use a supported type.
 */
public final class SnapshotEncodingException extends RuntimeException {
    private final String problem;
    private final String path;

    public SnapshotEncodingException(String problem) {
        this(problem, "");
    }

    private SnapshotEncodingException(String problem, String path) {
        super(problem + (path.isEmpty() ? "" : " at " + path));
        this.problem = problem;
        this.path = path;
    }

    /** The same problem one level further out: {@code owner} holds the path so far. */
    SnapshotEncodingException at(String owner) {
        return new SnapshotEncodingException(problem, path.isEmpty() ? owner : owner + "." + path);
    }
}
