package com.copyguard.journal;

/** One journaled input: its sequence number, the rule set version that applied it and the command JSON. */
public record JournalEntry(long seq, String ruleSet, String payload) {
}
