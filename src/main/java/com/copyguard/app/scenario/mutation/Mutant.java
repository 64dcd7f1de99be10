package com.copyguard.app.scenario.mutation;

/**
 * One small change to one DRL file: replace {@code [start, end)} (the text {@code original}) with
 * {@code replacement}. {@code equivalentReason} is the author's annotation saying why the change
 * cannot alter any decision, or null.
 */
public record Mutant(int id, String file, int line, int column, String rule, MutantKind kind, String original,
                     String replacement, int start, int end, String equivalentReason) {

    /** The file's text with this mutant applied. */
    public String apply(String text) {
        return text.substring(0, start) + replacement + text.substring(end);
    }

    /** "{@code <} → {@code <=}", shortened for long constraints. */
    public String change() {
        return shorten(original) + " → " + shorten(replacement);
    }

    public String where() {
        return file + ":" + line;
    }

    Mutant equivalent(String reason) {
        return new Mutant(id, file, line, column, rule, kind, original, replacement, start, end, reason);
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= 70 ? one : one.substring(0, 67) + "...";
    }
}
