package com.copyguard.core.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of maps that keep their iteration order (Map.copyOf does not): state records hold these. */
final class OrderedMaps {
    private OrderedMaps() {
    }

    static <K, V> Map<K, V> copyOf(Map<K, V> source) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
