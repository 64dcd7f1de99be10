package com.copyguard.core.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values a rule compared, as a decision keeps them: an immutable map in insertion order, held as
 * one array of names and values. The decision log keeps millions of these; a LinkedHashMap costs an
 * entry object and a table per decision for the same few pairs.
 */
final class CompactExplanation extends AbstractMap<String, String> {
    private static final CompactExplanation EMPTY = new CompactExplanation(new String[0]);
    /** name, value, name, value, ... */
    private final String[] pairs;

    private CompactExplanation(String[] pairs) {
        this.pairs = pairs;
    }

    static Map<String, String> of(Map<String, String> explanation) {
        if (explanation instanceof CompactExplanation c) {
            return c;
        }
        if (explanation.isEmpty()) {
            return EMPTY;
        }
        String[] pairs = new String[explanation.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : explanation.entrySet()) {
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
        return new CompactExplanation(pairs);
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public String get(Object name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) {
                return pairs[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < pairs.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= pairs.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new SimpleImmutableEntry<>(pairs[next], pairs[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return pairs.length / 2;
            }
        };
    }
}
