package com.copyguard.durability.replay;

/** An input a replay run refused although the recorded run had accepted it. */
public record ReplayRefusal(long seq, String command, String code, String message) {
}
