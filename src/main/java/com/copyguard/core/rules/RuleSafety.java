package com.copyguard.core.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps rule sets inside the fact model. Rules are code that runs inside the service, so a rule
 * set may reference only an allow-list: the fact and domain classes, {@code Decimals}, the
 * screening facts, {@code java.math}, a few {@code java.util} collection types and basic
 * {@code java.lang} classes. Anything else (I/O, {@code System}, {@code Runtime}, threads,
 * reflection, class loading, the network) is refused before compiling, naming the file and line.
 * The check reads the DRL text with comments and string literals blanked out: imports, fully
 * qualified names, static member access and {@code new} must name allowed types; reflective and
 * process-control methods and class literals are refused whatever they are called on.
 */
public final class RuleSafety {
    /** Allowed import and fully qualified name prefixes (a package ends with '.', a class does not). */
    private static final List<String> ALLOWED_QUALIFIED = List.of(
            "com.copyguard.core.rules.facts.", "com.copyguard.core.model.", "com.copyguard.core.model.Decimals",
            "com.copyguard.core.screening.ScreeningFacts", "com.copyguard.core.screening.FlagCode",
            "com.copyguard.core.screening.Severity", "com.copyguard.core.screening.Verdict",
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode", "java.math.MathContext",
            "java.util.List", "java.util.Map", "java.util.Set", "java.util.Collection",
            "java.lang.String", "java.lang.Math", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean");
    /** java.lang basics a rule may use by simple name. */
    private static final Set<String> JAVA_LANG = Set.of("String", "Math", "Integer", "Long", "Boolean", "Character",
            "Short", "Byte", "Double", "Float", "Number", "StringBuilder", "Comparable", "Iterable",
            "IllegalStateException", "IllegalArgumentException", "ArithmeticException");
    /** Methods that reach outside the fact model whatever object they are called on. */
    private static final Set<String> FORBIDDEN_METHODS = Set.of("getClass", "getClassLoader", "forName", "loadClass",
            "getDeclaredField", "getDeclaredFields", "getDeclaredMethod", "getDeclaredMethods", "getMethod",
            "getMethods", "getField", "getFields", "getConstructor", "getDeclaredConstructor", "invoke",
            "newInstance", "setAccessible", "wait", "notify", "notifyAll", "exit", "halt", "exec", "getRuntime",
            "getenv", "getProperty", "setProperty", "getKieRuntime", "getKnowledgeRuntime", "getEntryPoint",
            "getChannel", "getWorkingMemory", "getKieBase");
    private static final Pattern IMPORT = Pattern.compile("^[ \\t]*import\\s+(?:static\\s+|function\\s+|accumulate\\s+)?([\\w.]+)",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.$])((?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*)");
    private static final Pattern STATIC_OR_NEW = Pattern.compile("(?<![\\w.$])(?:new\\s+)?([A-Z]\\w*)\\s*(?=[.(\\[:])");
    private static final Pattern NEW = Pattern.compile("\\bnew\\s+([A-Za-z_][\\w.]*)");
    private static final Pattern METHOD = Pattern.compile("\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class\\b");
    private static final Pattern DECLARED = Pattern.compile("\\bdeclare\\s+(?:trait\\s+|enum\\s+)?(\\w+)");
    private static final Pattern KCONTEXT = Pattern.compile("\\bkcontext\\b");

    private RuleSafety() {
    }

    /** Every use outside the allow-list in a rule set, as "file:line: what" (empty when the set is safe). */
    public static List<String> violations(RuleSource source) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            check(file.getKey(), file.getValue(), out);
        }
        return out;
    }

    private static void check(String file, String text, List<String> out) {
        String code = blankCommentsAndStrings(text);
        Set<String> simpleNames = new HashSet<>(JAVA_LANG);
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String name = m.group(1);
            if (!allowedQualified(name)) {
                out.add(where(file, code, m.start(1)) + "import " + name + " reaches outside the fact model");
            } else {
                simpleNames.add(name.substring(name.lastIndexOf('.') + 1));
            }
        }
        m = DECLARED.matcher(code);
        while (m.find()) {
            simpleNames.add(m.group(1));
        }
        String body = IMPORT.matcher(code).replaceAll(r -> " ".repeat(r.group().length()));
        m = QUALIFIED.matcher(body);
        while (m.find()) {
            if (!allowedQualified(m.group(1)) && !m.group(1).startsWith("drools.")) {
                out.add(where(file, body, m.start(1)) + m.group(1) + " reaches outside the fact model");
            }
        }
        m = STATIC_OR_NEW.matcher(body);
        while (m.find()) {
            String name = m.group(1);
            boolean constructs = m.group().startsWith("new");
            boolean memberAccess = body.startsWith(".", skipSpaces(body, m.end(1))) || body.startsWith("::", skipSpaces(body, m.end(1)));
            if ((constructs || memberAccess) && !simpleNames.contains(name)) {
                out.add(where(file, body, m.start(1)) + name + " is not part of the fact model (allowed: imported fact "
                        + "and domain classes, java.math and java.lang basics)");
            }
        }
        m = NEW.matcher(body);
        while (m.find()) {
            String name = m.group(1);
            if (name.contains(".") && !allowedQualified(name)) {
                out.add(where(file, body, m.start(1)) + "new " + name + " reaches outside the fact model");
            }
        }
        m = METHOD.matcher(body);
        while (m.find()) {
            if (FORBIDDEN_METHODS.contains(m.group(1))) {
                out.add(where(file, body, m.start(1)) + m.group(1) + "() is not allowed in rules (reflection, "
                        + "process or engine control)");
            }
        }
        m = CLASS_LITERAL.matcher(body);
        while (m.find()) {
            out.add(where(file, body, m.start()) + "class literals are not allowed in rules (reflection)");
        }
        m = KCONTEXT.matcher(body);
        while (m.find()) {
            out.add(where(file, body, m.start()) + "kcontext is not allowed in rules (engine control)");
        }
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean allowedQualified(String name) {
        for (String allowed : ALLOWED_QUALIFIED) {
            if (allowed.endsWith(".") ? name.startsWith(allowed)
                    : name.equals(allowed) || name.startsWith(allowed + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String where(String file, String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return file + ":" + line + ": ";
    }

    /** The text with comments and string/char literals replaced by spaces, keeping every line break. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder b = new StringBuilder(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    b.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(b, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                blank(b, i + 1, end - 1);
                i = end;
            } else {
                i++;
            }
        }
        return b.toString();
    }

    private static void blank(StringBuilder b, int from, int to) {
        for (int k = from; k < to && k < b.length(); k++) {
            if (b.charAt(k) != '\n') {
                b.setCharAt(k, ' ');
            }
        }
    }
}
