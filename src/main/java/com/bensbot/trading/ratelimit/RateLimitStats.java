package com.bensbot.trading.ratelimit;

import java.util.Map;

/** What {@code /metrics} shows of rate limiting: refusals per group and the number of alerts raised. */
public interface RateLimitStats {
    /** Refused requests since start, by group label, in the order trading, data, admin, default. */
    Map<String, Long> refusalsByGroup();

    /** Rate-limit alerts raised since start. */
    long alerts();
}
