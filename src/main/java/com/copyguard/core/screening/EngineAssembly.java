package com.copyguard.core.screening;

import com.copyguard.core.engine.AnswerCodec;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.EngineEvents;
import com.copyguard.core.rules.ActiveRules;

/**
 * Builds the engine with what listens to it (expert screening). The one place that knows both: the
 * engine package does not depend on screening, screening depends on the engine's interfaces.
 */
public final class EngineAssembly {
    private EngineAssembly() {
    }

    public static Engine create(ActiveRules rules) {
        return create(rules, EngineEvents.NONE);
    }

    public static Engine create(ActiveRules rules, EngineEvents events) {
        return create(rules, events, AnswerCodec.installed());
    }

    public static Engine create(ActiveRules rules, EngineEvents events, AnswerCodec answers) {
        return new Engine(rules, events, answers, new ExpertScreening());
    }
}
