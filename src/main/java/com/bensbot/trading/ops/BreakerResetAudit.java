package com.bensbot.trading.ops;

import com.bensbot.trading.broker.BreakerReset;

import java.util.LinkedHashMap;
import java.util.Map;

/** The audit record of a breaker reset, the same from the main-port route and from the admin task. */
final class BreakerResetAudit {
    static final String ACTION = "breaker.reset";

    private BreakerResetAudit() {
    }

    static Map<String, Object> details(String api, BreakerReset.Result result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("api", api == null || api.isEmpty() ? "all" : api);
        details.put("previousState", result.previousState());
        details.put("state", result.state());
        return details;
    }
}
