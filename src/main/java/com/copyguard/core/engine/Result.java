package com.copyguard.core.engine;

/**
 * What the engine answers to an applied input, as domain values. {@code changed} tells the writer
 * whether the input altered state and therefore belongs in the journal; {@code created} whether it
 * made something new (a subscription, an expert). How a result is shown (status, JSON) is the
 * edge's business.
 */
public interface Result {
    boolean changed();

    default boolean created() {
        return false;
    }
}
