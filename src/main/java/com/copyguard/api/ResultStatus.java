package com.copyguard.api;

import com.copyguard.core.engine.Result;

/** The HTTP status of an answer: decided here, at the edge, as {@link RefusalStatus} decides refusals'. */
public final class ResultStatus {
    public static final int OK = 200;
    public static final int CREATED = 201;

    private ResultStatus() {
    }

    /** 201 when the input created something (a subscription, an expert), else 200. */
    public static int of(Result result) {
        return result.created() ? CREATED : OK;
    }
}
