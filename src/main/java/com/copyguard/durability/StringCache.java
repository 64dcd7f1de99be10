package com.copyguard.durability;

/**
 * The encoding's string dictionary: a fixed-size direct-mapped cache that writer and reader keep
 * in step. A string whose slot already holds it is written as the slot number; any other string is
 * written in full and takes the slot. Repeated strings (symbols, field names, reason codes) cost a
 * couple of bytes; the many unique ones (ids, amounts) cost one probe of a small table instead of
 * an ever-growing map.
 */
final class StringCache {
    static final int SLOTS = 1 << 16;
    private final String[] table = new String[SLOTS];

    static int slot(String s) {
        int h = s.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    /** The slot holding {@code s}, or -1 after storing it (the caller then writes it in full). */
    int slotOrStore(String s) {
        int slot = slot(s);
        String cur = table[slot];
        if (cur != null && cur.equals(s)) {
            return slot;
        }
        table[slot] = s;
        return -1;
    }

    /** Reader side: a string read in full takes its slot. */
    void store(String s) {
        table[slot(s)] = s;
    }

    String at(int slot) {
        return slot >= 0 && slot < SLOTS ? table[slot] : null;
    }
}
