package com.copyguard.durability;

/** One-byte type tags of the state encoding: every value says what it is. */
final class Tag {
    static final int NULL = 0;
    static final int REF = 1;
    static final int STRING = 2;
    static final int STRING_REF = 3;
    static final int TRUE = 4;
    static final int FALSE = 5;
    static final int INT = 6;
    static final int LONG = 7;
    static final int SHORT = 8;
    static final int BYTE = 9;
    static final int CHAR = 10;
    static final int FLOAT = 11;
    static final int DOUBLE = 12;
    static final int DECIMAL = 13;
    static final int BIG_INTEGER = 14;
    static final int ENUM = 15;
    static final int OBJECT = 16;
    static final int RECORD = 17;
    static final int COLLECTION = 18;
    static final int MAP = 19;
    static final int JSON = 20;
    static final int ARRAY = 21;
    static final int CONSTANT = 22;
    static final int TEXT_VALUE = 23;

    // JSON trees (remembered reply bodies), written node by node after Tag.JSON
    static final int J_OBJECT = 0;
    static final int J_ARRAY = 1;
    static final int J_TEXT = 2;
    static final int J_INT = 3;
    static final int J_LONG = 4;
    static final int J_DECIMAL = 5;
    static final int J_BIG_INTEGER = 6;
    static final int J_DOUBLE = 7;
    static final int J_TRUE = 8;
    static final int J_FALSE = 9;
    static final int J_NULL = 10;
    static final int J_MISSING = 11;
    static final int J_FLOAT = 12;

    private Tag() {
    }
}
