package com.copyguard.app.scenario.mutation;

import com.copyguard.app.scenario.mutation.DrlToken.Kind;
import com.copyguard.app.scenario.mutation.DrlToken.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a DRL file into tokens and comments, and marks which tokens are rule code: the
 * {@code when} and {@code then} parts of rules and the bodies of functions. Comments and strings
 * are single tokens (or skipped), so nothing inside them is ever taken for code.
 */
final class DrlScanner {
    private static final Set<String> TWO_CHAR = Set.of(">=", "<=", "==", "!=", "&&", "||", "->", "::", "++", "--",
            "+=", "-=", ">>", "<<");

    private final String text;
    private final List<DrlToken> tokens = new ArrayList<>();
    private final List<DrlComment> comments = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private DrlScanner(String text) {
        this.text = text;
    }

    /** The tokens and comments of a DRL text, tokens marked with their region and rule. */
    static Scan scan(String text) {
        DrlScanner s = new DrlScanner(text);
        s.tokenize();
        return new Scan(regions(s.tokens), List.copyOf(s.comments));
    }

    record Scan(List<DrlToken> tokens, List<DrlComment> comments) {
        /** True when a token starts on {@code line}: a comment there trails code. */
        boolean hasTokenOnLine(int line) {
            return tokens.stream().anyMatch(t -> t.line() == line);
        }

        /** The first line after {@code line} that holds a token, or -1. */
        int nextTokenLine(int line) {
            return tokens.stream().mapToInt(DrlToken::line).filter(l -> l > line).min().orElse(-1);
        }
    }

    private void tokenize() {
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '\n') {
                newline(pos + 1);
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                int eol = text.indexOf('\n', pos);
                int stop = eol < 0 ? n : eol;
                comments.add(new DrlComment(line, text.substring(pos + 2, stop).trim()));
                pos = stop;
            } else if (text.startsWith("/*", pos)) {
                int close = text.indexOf("*/", pos + 2);
                int stop = close < 0 ? n : close + 2;
                comments.add(new DrlComment(line, text.substring(pos + 2, close < 0 ? n : close).trim()));
                countLines(pos, stop);
                pos = stop;
            } else if (c == '"' || c == '\'') {
                int start = pos;
                int startLine = line;
                int col = start - lineStart + 1;
                pos++;
                while (pos < n && text.charAt(pos) != c) {
                    if (text.charAt(pos) == '\\') {
                        pos++;
                    } else if (text.charAt(pos) == '\n') {
                        newline(pos + 1);
                    }
                    pos++;
                }
                pos = Math.min(n, pos + 1);
                add(Kind.STRING, start, pos, startLine, col);
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < n && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos + 1 < n && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
                    pos++;
                    while (pos < n && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                }
                while (pos < n && Character.isLetter(text.charAt(pos))) {
                    pos++; // a type suffix such as 0.30B, 5L or 1I
                }
                add(Kind.NUMBER, start, pos, line, start - lineStart + 1);
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < n && Character.isJavaIdentifierPart(text.charAt(pos))) {
                    pos++;
                }
                add(Kind.WORD, start, pos, line, start - lineStart + 1);
            } else {
                int start = pos;
                pos += pos + 1 < n && TWO_CHAR.contains(text.substring(pos, pos + 2)) ? 2 : 1;
                add(Kind.SYMBOL, start, pos, line, start - lineStart + 1);
            }
        }
    }

    private void add(Kind kind, int start, int end, int tokenLine, int column) {
        tokens.add(new DrlToken(kind, text.substring(start, end), start, end, tokenLine, column, Region.OUTSIDE, null));
    }

    private void newline(int next) {
        line++;
        lineStart = next;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                newline(i + 1);
            }
        }
    }

    /** Marks each token with its region: rule header, when, then, function body, or outside. */
    private static List<DrlToken> regions(List<DrlToken> raw) {
        List<DrlToken> out = new ArrayList<>(raw.size());
        Region state = Region.OUTSIDE;
        String owner = null;
        int depth = 0; // parentheses in a when part, braces in a function or then part
        boolean functionBody = false;
        boolean query = false;
        for (int i = 0; i < raw.size(); i++) {
            DrlToken t = raw.get(i);
            switch (state) {
                case OUTSIDE -> {
                    if (t.is("rule") || t.is("query")) {
                        query = t.is("query");
                        state = Region.HEADER;
                        owner = i + 1 < raw.size() ? unquote(raw.get(i + 1).text()) : "";
                    } else if (t.is("function")) {
                        state = Region.FUNCTION;
                        functionBody = false;
                        depth = 0;
                        owner = "function " + functionName(raw, i);
                    }
                    out.add(t.in(state == Region.OUTSIDE ? Region.OUTSIDE : Region.HEADER, owner));
                    continue;
                }
                case HEADER -> {
                    if (t.is("when")) {
                        state = Region.WHEN;
                        depth = 0;
                        out.add(t.in(Region.HEADER, owner));
                        continue;
                    }
                }
                case WHEN -> {
                    if (t.is("(")) {
                        depth++;
                    } else if (t.is(")")) {
                        depth--;
                    } else if (depth == 0 && (t.is("then") || (query && t.is("end")))) {
                        state = query ? Region.OUTSIDE : Region.THEN;
                        depth = 0;
                        out.add(t.in(Region.HEADER, owner));
                        continue;
                    }
                }
                case THEN -> {
                    if (t.is("{")) {
                        depth++;
                    } else if (t.is("}")) {
                        depth--;
                    } else if (depth == 0 && t.is("end") && t.kind() == Kind.WORD) {
                        state = Region.OUTSIDE;
                        out.add(t.in(Region.HEADER, owner));
                        continue;
                    }
                }
                case FUNCTION -> {
                    if (t.is("{")) {
                        depth++;
                        if (!functionBody) {
                            functionBody = true;
                            out.add(t.in(Region.HEADER, owner));
                            continue;
                        }
                    } else if (t.is("}")) {
                        depth--;
                        if (depth == 0) {
                            state = Region.OUTSIDE;
                            out.add(t.in(Region.HEADER, owner));
                            continue;
                        }
                    }
                    if (!functionBody) {
                        out.add(t.in(Region.HEADER, owner));
                        continue;
                    }
                }
                default -> { }
            }
            out.add(t.in(state, owner));
        }
        return out;
    }

    private static String functionName(List<DrlToken> raw, int at) {
        for (int i = at + 1; i + 1 < raw.size(); i++) {
            if (raw.get(i + 1).is("(")) {
                return raw.get(i).text();
            }
        }
        return "?";
    }

    static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'")) ? s.substring(1, s.length() - 1) : s;
    }
}
