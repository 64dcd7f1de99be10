package com.copyguard.app.scenario.mutation;

/**
 * One token of a DRL file: its kind, its text, where it is ({@code start} inclusive, {@code end}
 * exclusive, 1-based {@code line} and {@code column}), which part of the file it is in and the
 * rule (or function) it belongs to.
 */
record DrlToken(Kind kind, String text, int start, int end, int line, int column, Region region, String owner) {

    enum Kind { WORD, NUMBER, STRING, SYMBOL }

    /** Where a token sits: only WHEN, THEN and FUNCTION tokens are rule code that may be mutated. */
    enum Region { OUTSIDE, HEADER, WHEN, THEN, FUNCTION }

    boolean is(String s) {
        return text.equals(s);
    }

    boolean code() {
        return region == Region.WHEN || region == Region.THEN || region == Region.FUNCTION;
    }

    DrlToken in(Region r, String rule) {
        return new DrlToken(kind, text, start, end, line, column, r, rule);
    }
}
