package com.copyguard.observability;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed Prometheus text exposition: series (name plus sorted labels, as written) to value. */
final class MetricsText {
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final Map<String, Double> series = new LinkedHashMap<>();

    MetricsText(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    /** The value of {@code name} with exactly these labels (any order); null when absent. */
    Double value(String name, String... labelPairs) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        for (Map.Entry<String, Double> e : series.entrySet()) {
            String key = e.getKey();
            int brace = key.indexOf('{');
            String n = brace < 0 ? key : key.substring(0, brace);
            if (n.equals(name) && labels(key).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    boolean has(String name) {
        return series.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    }

    static Map<String, String> labels(String seriesKey) {
        Map<String, String> out = new LinkedHashMap<>();
        int brace = seriesKey.indexOf('{');
        if (brace >= 0) {
            Matcher m = LABEL.matcher(seriesKey.substring(brace));
            while (m.find()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }

    /** Every label value of every series. */
    Set<String> labelValues() {
        Set<String> out = new LinkedHashSet<>();
        series.keySet().forEach(k -> out.addAll(labels(k).values()));
        return out;
    }

    Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        series.keySet().forEach(k -> out.add(k.contains("{") ? k.substring(0, k.indexOf('{')) : k));
        return out;
    }
}
