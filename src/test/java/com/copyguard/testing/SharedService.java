package com.copyguard.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real service for a whole test class: tests keep apart by using their own expert, follower
 * and instrument names.
 */
public abstract class SharedService {
    protected static RunningService service;
    protected static ApiClient api;
    protected static Scenario given;

    @BeforeAll
    static void startService() {
        service = RunningService.start();
        api = service.api();
        given = new Scenario(api, com.copyguard.testing.EventTimes.T0);
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }
}
