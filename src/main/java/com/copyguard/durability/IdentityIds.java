package com.copyguard.durability;

import java.util.Arrays;

/**
 * Object identity to sequence number, open addressing over parallel arrays: no boxing and no entry
 * objects, because a large state holds millions of objects and IdentityHashMap's boxed values and
 * resizes dominated the encoding time.
 */
final class IdentityIds {
    private Object[] keys = new Object[1 << 12];
    private int[] ids = new int[1 << 12];
    private int size;

    /** The id of {@code o}, or -1 after giving it the next id. */
    int idOrAdd(Object o) {
        int mask = keys.length - 1;
        int i = mix(System.identityHashCode(o)) & mask;
        while (true) {
            Object k = keys[i];
            if (k == null) {
                keys[i] = o;
                ids[i] = size++;
                if (size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            if (k == o) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        Object[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new Object[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Object k = oldKeys[j];
            if (k != null) {
                int i = mix(System.identityHashCode(k)) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                ids[i] = oldIds[j];
            }
        }
        Arrays.fill(oldKeys, null);
    }
}
