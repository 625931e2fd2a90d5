package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Closing the breakers by operator command (CONTRACT §7), shared by the main-port route and the admin task. */
public final class BreakerReset {
    /** The answer: the worse state before the reset, the state now, and each breaker's state now. */
    public record Result(BreakerState previousState, BreakerState state, Map<String, BreakerState> circuitBreakers) {
    }

    private final AlpacaClient client;

    public BreakerReset(AlpacaClient client) {
        this.client = client;
    }

    /** Resets both breakers, or the one named {@code trading} or {@code data}. */
    public Result reset(String api) {
        BreakerState before;
        if (api == null || api.isEmpty()) {
            before = client.trading().reset().worse(client.data().reset());
        } else if (api.equals("trading")) {
            before = client.trading().reset();
        } else if (api.equals("data")) {
            before = client.data().reset();
        } else {
            throw ProblemException.invalidParameter("'api' must be 'trading' or 'data'");
        }
        Map<String, BreakerState> now = new LinkedHashMap<>();
        now.put("trading", client.trading().state());
        now.put("data", client.data().state());
        BreakerState worst = now.get("trading").worse(now.get("data"));
        return new Result(before, worst, now);
    }
}
