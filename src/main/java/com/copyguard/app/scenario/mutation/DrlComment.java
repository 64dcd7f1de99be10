package com.copyguard.app.scenario.mutation;

/** A comment of a DRL file ({@code //} or block) with the line it starts on, text without markers. */
record DrlComment(int line, String text) {
}
