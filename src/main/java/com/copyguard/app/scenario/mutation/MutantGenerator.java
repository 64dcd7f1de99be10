package com.copyguard.app.scenario.mutation;

import com.copyguard.app.scenario.mutation.DrlToken.Kind;
import com.copyguard.app.scenario.mutation.DrlToken.Region;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every mutation point of one DRL file: numeric literals (and decimals written as strings
 * for {@code Decimals.of}/{@code BigDecimal}), comparison operators, pattern constraints, boolean
 * literals and reason codes, in the {@code when}/{@code then} parts of rules and in function
 * bodies. Arguments of {@code explain(...)} are left alone: they are what a decision reports, not
 * what decides it.
 */
final class MutantGenerator {
    private static final Pattern EQUIVALENT = Pattern.compile("mutation-equivalent(?:\\[([^\\]]*)])?\\s*:\\s*(.+)",
            Pattern.DOTALL);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;");
    /** Conditional elements and keywords whose parentheses are not a fact pattern. */
    private static final Set<String> NOT_PATTERNS = Set.of("not", "exists", "forall", "eval", "accumulate", "from",
            "collect", "and", "or", "over", "window", "entry-point");
    private static final Map<String, String> FLIPPED = Map.of(">", ">=", ">=", ">", "<", "<=", "<=", "<");

    private final String file;
    private final String text;
    private final DrlScanner.Scan scan;
    private final List<DrlToken> tokens;
    private final Map<String, List<String>> reasonEnums;
    private final List<Mutant> found = new ArrayList<>();

    private MutantGenerator(String file, String text) {
        this.file = file;
        this.text = text;
        this.scan = DrlScanner.scan(text);
        this.tokens = scan.tokens();
        this.reasonEnums = reasonEnums(text);
    }

    /** Every mutant of one file, numbered from {@code firstId}, with the file's equivalence annotations applied. */
    static List<Mutant> mutants(String file, String text, int firstId) {
        MutantGenerator g = new MutantGenerator(file, text);
        g.collect();
        List<Annotation> annotations = g.annotations();
        List<Mutant> out = new ArrayList<>();
        int id = firstId;
        for (Mutant m : g.found) {
            Mutant numbered = new Mutant(id++, m.file(), m.line(), m.column(), m.rule(), m.kind(), m.original(),
                    m.replacement(), m.start(), m.end(), null);
            String reason = annotations.stream().filter(a -> a.covers(numbered)).map(Annotation::reason)
                    .findFirst().orElse(null);
            out.add(reason == null ? numbered : numbered.equivalent(reason));
        }
        return out;
    }

    private void collect() {
        boolean[] neutral = explainArguments();
        boolean[] generic = genericBrackets();
        for (int i = 0; i < tokens.size(); i++) {
            DrlToken t = tokens.get(i);
            if (!t.code() || neutral[i]) {
                continue;
            }
            if (t.kind() == Kind.NUMBER) {
                nudge(t, t.start(), t.end(), t.text());
            } else if (t.kind() == Kind.STRING && decimalArgument(i)) {
                String inner = DrlScanner.unquote(t.text());
                nudge(t, t.start() + 1, t.end() - 1, inner);
            } else if (t.kind() == Kind.SYMBOL && FLIPPED.containsKey(t.text()) && !generic[i]) {
                add(t, MutantKind.OPERATOR, t.start(), t.end(), FLIPPED.get(t.text()));
            } else if (t.kind() == Kind.WORD && (t.is("true") || t.is("false"))) {
                add(t, MutantKind.BOOLEAN, t.start(), t.end(), t.is("true") ? "false" : "true");
            } else if (t.kind() == Kind.WORD && reasonEnums.containsKey(t.text()) && i + 2 < tokens.size()
                    && tokens.get(i + 1).is(".") && reasonEnums.get(t.text()).contains(tokens.get(i + 2).text())) {
                DrlToken constant = tokens.get(i + 2);
                add(constant, MutantKind.REASON, constant.start(), constant.end(),
                        swap(reasonEnums.get(t.text()), constant.text()));
            }
        }
        negations();
        found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
    }

    /** Two mutants for a literal: one step of its last digit up and down ({@code 0.30} → 0.31, 0.29). */
    private void nudge(DrlToken t, int start, int end, String literal) {
        Matcher m = Pattern.compile("^(\\d+(?:\\.\\d+)?)([A-Za-z]*)$").matcher(literal);
        if (!m.matches() && !DECIMAL.matcher(literal).matches()) {
            return;
        }
        String digits = m.matches() ? m.group(1) : literal;
        String suffix = m.matches() ? m.group(2) : "";
        BigDecimal value = new BigDecimal(digits);
        BigDecimal step = BigDecimal.ONE.movePointLeft(value.scale());
        add(t, MutantKind.NUMBER, start, end, value.add(step).toPlainString() + suffix);
        add(t, MutantKind.NUMBER, start, end, value.subtract(step).toPlainString() + suffix);
    }

    /** A string literal that is the sole argument of {@code Decimals.of(...)} or {@code new BigDecimal(...)}. */
    private boolean decimalArgument(int i) {
        return i >= 2 && i + 1 < tokens.size() && tokens.get(i - 1).is("(") && tokens.get(i + 1).is(")")
                && (tokens.get(i - 2).is("of") || tokens.get(i - 2).is("BigDecimal"))
                && DECIMAL.matcher(DrlScanner.unquote(tokens.get(i).text())).matches();
    }

    private void add(DrlToken at, MutantKind kind, int start, int end, String replacement) {
        found.add(new Mutant(0, file, at.line(), at.column(), at.owner(), kind, text.substring(start, end), replacement,
                start, end, null));
    }

    /** Each constraint of each fact pattern in a when part, negated: {@code c} → {@code !( c )}. */
    private void negations() {
        for (int i = 0; i < tokens.size(); i++) {
            DrlToken t = tokens.get(i);
            if (t.region() != Region.WHEN || !t.is("(") || i == 0 || depthBefore(i) != 0) {
                continue;
            }
            DrlToken type = tokens.get(i - 1);
            if (type.kind() != Kind.WORD || NOT_PATTERNS.contains(type.text())) {
                continue;
            }
            int depth = 0;
            int constraintStart = i + 1;
            for (int j = i + 1; j < tokens.size(); j++) {
                DrlToken u = tokens.get(j);
                if (u.is("(") || u.is("[") || u.is("{")) {
                    depth++;
                } else if ((u.is(")") || u.is("]") || u.is("}")) && depth > 0) {
                    depth--;
                } else if (depth == 0 && (u.is(",") || u.is(")"))) {
                    negate(constraintStart, j - 1);
                    constraintStart = j + 1;
                    if (u.is(")")) {
                        break;
                    }
                }
            }
        }
    }

    private void negate(int first, int last) {
        if (first > last) {
            return;
        }
        for (int k = first; k <= last; k++) {
            if (tokens.get(k).is(":")) {
                return; // a binding ($x : expr), not a condition
            }
        }
        DrlToken head = tokens.get(first);
        String constraint = text.substring(head.start(), tokens.get(last).end());
        add(head, MutantKind.NEGATION, head.start(), tokens.get(last).end(), "!( " + constraint + " )");
    }

    /** Parenthesis depth of the when part just before token {@code i}. */
    private int depthBefore(int i) {
        int depth = 0;
        for (int k = i - 1; k >= 0 && tokens.get(k).region() == Region.WHEN; k--) {
            if (tokens.get(k).is("(")) {
                depth++;
            } else if (tokens.get(k).is(")")) {
                depth--;
            }
        }
        return depth;
    }

    /** Tokens inside the parentheses of an {@code explain(...)} call. */
    private boolean[] explainArguments() {
        boolean[] neutral = new boolean[tokens.size()];
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("explain") && tokens.get(i + 1).is("(")) {
                int depth = 0;
                for (int j = i + 1; j < tokens.size(); j++) {
                    if (tokens.get(j).is("(")) {
                        depth++;
                    } else if (tokens.get(j).is(")") && --depth == 0) {
                        break;
                    }
                    neutral[j] = true;
                }
            }
        }
        return neutral;
    }

    /** Angle brackets of generic types ({@code List<String>}), which are not comparisons. */
    private boolean[] genericBrackets() {
        boolean[] generic = new boolean[tokens.size()];
        int open = 0;
        for (int i = 1; i + 1 < tokens.size(); i++) {
            DrlToken t = tokens.get(i);
            DrlToken prev = tokens.get(i - 1);
            DrlToken next = tokens.get(i + 1);
            if (t.is("<") && prev.kind() == Kind.WORD && Character.isUpperCase(prev.text().charAt(0))
                    && prev.end() == t.start() && (next.is("?") || (next.kind() == Kind.WORD
                    && Character.isUpperCase(next.text().charAt(0))))) {
                generic[i] = true;
                open++;
            } else if (t.is(">") && open > 0) {
                generic[i] = true;
                open--;
            }
        }
        return generic;
    }

    /** Reason-like enums the file imports (simple name ends in "Code"), with their constants in order. */
    private static Map<String, List<String>> reasonEnums(String text) {
        Map<String, List<String>> enums = new HashMap<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!name.endsWith("Code")) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name, false, MutantGenerator.class.getClassLoader());
                if (type.isEnum()) {
                    enums.put(type.getSimpleName(), Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name()).toList());
                }
            } catch (ClassNotFoundException e) {
                // not on the class path: the compiler will say so; nothing to swap
            }
        }
        return enums;
    }

    /** The constant after {@code current} in declaration order (wrapping round). */
    private static String swap(List<String> constants, String current) {
        int i = constants.indexOf(current);
        return constants.get((i + 1) % constants.size());
    }

    /** An equivalence annotation: the line it covers, an optional kind or change filter, and the reason. */
    private record Annotation(int line, String filter, String reason) {
        boolean covers(Mutant m) {
            if (m.line() != line) {
                return false;
            }
            if (filter == null || filter.isBlank()) {
                return true;
            }
            String f = filter.replaceAll("\\s+", "").replace("->", "→");
            return f.equals(m.kind().label())
                    || f.equals((m.original() + "→" + m.replacement()).replaceAll("\\s+", ""));
        }
    }

    /**
     * {@code // mutation-equivalent[filter]: reason} covers the mutants of its own line when it
     * trails code, else those of the next line holding code. The filter (optional) is a kind
     * ({@code number}, {@code operator}, ...) or one change ({@code 0.30→0.31}).
     */
    private List<Annotation> annotations() {
        List<Annotation> out = new ArrayList<>();
        for (DrlComment c : scan.comments()) {
            Matcher m = EQUIVALENT.matcher(c.text());
            if (!m.find()) {
                continue;
            }
            int target = scan.hasTokenOnLine(c.line()) ? c.line() : scan.nextTokenLine(c.line());
            out.add(new Annotation(target, m.group(1), m.group(2).replaceAll("\\s+", " ").trim()));
        }
        return out;
    }
}
