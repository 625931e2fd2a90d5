package com.bensbot.trading.ops;

import com.bensbot.trading.ratelimit.RateLimitStats;

import java.util.List;
import java.util.Map;

/** What the client rate limiter reports to {@code /metrics} and Prometheus (CONTRACT §8). */
public interface RateLimitView {
    /** The rate-limit groups of CONTRACT §8; each is reported, with 0 until it refuses something. */
    List<String> GROUPS = List.of("trading", "data", "admin", "default");

    /** A view for a gateway without a rate limiter: nothing refused, no alerts. */
    RateLimitView NONE = new RateLimitView() {
        @Override
        public Map<String, Long> refusalsByGroup() {
            return Map.of();
        }

        @Override
        public long alerts() {
            return 0;
        }
    };

    /** The rate limiter's own statistics. */
    static RateLimitView of(RateLimitStats stats) {
        return new RateLimitView() {
            @Override
            public Map<String, Long> refusalsByGroup() {
                return stats.refusalsByGroup();
            }

            @Override
            public long alerts() {
                return stats.alerts();
            }
        };
    }

    /** Refused requests since start, by group. */
    Map<String, Long> refusalsByGroup();

    /** Rate-limit alerts raised since start (a client refused more than the alert threshold in one window). */
    long alerts();
}
