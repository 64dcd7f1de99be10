package com.copyguard.app.scenario;

/** A scenario file that cannot be run as written (bad JSON, unknown step, a setup input refused). */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }
}
