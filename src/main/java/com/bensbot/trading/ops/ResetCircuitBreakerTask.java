package com.bensbot.trading.ops;

import com.bensbot.trading.broker.BreakerReset;

import java.util.List;
import java.util.Map;

/** {@code POST /tasks/reset-circuit-breaker[?api=trading|data]}. */
public final class ResetCircuitBreakerTask implements AdminTask {
    private final BreakerReset reset;

    public ResetCircuitBreakerTask(BreakerReset reset) {
        this.reset = reset;
    }

    @Override
    public String name() {
        return "reset-circuit-breaker";
    }

    @Override
    public Object run(Map<String, List<String>> parameters) {
        return reset.reset(AdminTask.single(parameters, "api"));
    }

    @Override
    public String auditAction() {
        return BreakerResetAudit.ACTION;
    }

    @Override
    public Map<String, Object> auditDetails(Map<String, List<String>> parameters, Object answer) {
        return BreakerResetAudit.details(AdminTask.single(parameters, "api"), (BreakerReset.Result) answer);
    }
}
