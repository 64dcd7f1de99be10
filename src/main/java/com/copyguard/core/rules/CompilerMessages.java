package com.copyguard.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Turns compiler errors into messages a rule author can act on. The executable model compiles
 * constraints and consequences to generated Java, so type errors arrive against generated class
 * names with the whole generated source attached; this keeps the Java compiler's sentence, drops
 * the source dump, and points at the DRL file, line and rule the offending statement came from
 * when it can find it.
 */
final class CompilerMessages {
    private static final String SOURCE_DUMP = "Java source of ";
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    /** A generated statement such as {@code ($c).setTarget("ten");} reduced to {@code setTarget("ten")}. */
    private static final Pattern RECEIVER = Pattern.compile("^\\(?\\$?\\w+\\)?\\.");

    private CompilerMessages() {
    }

    static List<String> readable(List<Message> errors, RuleSource source) {
        Map<String, String[]> generatedSources = new HashMap<>();
        for (Message m : errors) {
            if (m.getText() != null && m.getText().startsWith(SOURCE_DUMP)) {
                String text = m.getText();
                int body = text.indexOf('\n');
                generatedSources.put(m.getPath(), body < 0 ? new String[0] : text.substring(body + 1).split("\n", -1));
            }
        }
        List<String> out = new ArrayList<>();
        for (Message m : errors) {
            String text = m.getText() == null ? "" : m.getText();
            if (text.startsWith(SOURCE_DUMP) || text.equals("Parser returned a null Package") && errors.size() > 1) {
                continue;
            }
            String path = m.getPath();
            if (path != null && path.endsWith(".java")) {
                out.add(generated(text, statement(generatedSources.get(path), m.getLine()), source));
            } else {
                out.add((path == null ? "" : fileName(path) + ":" + m.getLine() + ": ") + text);
            }
        }
        return out;
    }

    private static String generated(String text, String statement, RuleSource source) {
        String where = statement == null ? null : locate(statement, source);
        if (where != null) {
            return where + ": " + text + " [in: " + statement + "]";
        }
        return "(generated Java of a rule's constraint or consequence)" + ": " + text
                + (statement == null ? "" : " [in: " + statement + "]");
    }

    private static String statement(String[] lines, int line) {
        if (lines == null || line < 1) {
            return null;
        }
        // The reported line counts from the first line of the generated source, which the dump omits.
        for (int i : new int[] {line - 2, line - 1, line}) {
            if (i >= 0 && i < lines.length && !lines[i].isBlank() && !lines[i].strip().startsWith("{")
                    && !lines[i].strip().startsWith("}")) {
                return lines[i].strip();
            }
        }
        return null;
    }

    /** The DRL file:line (rule "name") holding the statement's call, or null when it cannot be found. */
    private static String locate(String statement, RuleSource source) {
        String call = RECEIVER.matcher(statement).replaceFirst("");
        if (call.endsWith(";")) {
            call = call.substring(0, call.length() - 1);
        }
        if (call.length() < 4) {
            return null;
        }
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            String[] lines = file.getValue().split("\n", -1);
            String rule = null;
            for (int i = 0; i < lines.length; i++) {
                Matcher r = RULE.matcher(lines[i]);
                if (r.find()) {
                    rule = r.group(1);
                }
                if (lines[i].contains(call)) {
                    return file.getKey() + ":" + (i + 1) + (rule == null ? "" : " (rule \"" + rule + "\")");
                }
            }
        }
        return null;
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
