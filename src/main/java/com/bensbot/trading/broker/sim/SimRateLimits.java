package com.bensbot.trading.broker.sim;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Alpaca's per-minute request count, per API root, reported in {@code X-Ratelimit-*} headers.
 * The count is only reported, never enforced: 429s come from {@link SimFaults} so that a test
 * decides when they happen. The reported limit is Alpaca's 200 unless set otherwise (benchmarks
 * raise it: the gateway honours a reported {@code X-Ratelimit-Remaining: 0}).
 */
final class SimRateLimits {

    static final int LIMIT_PER_MINUTE = 200;

    enum ApiRoot {
        TRADING,
        DATA;

        static ApiRoot of(String path) {
            return path.startsWith("/v2/stocks/") ? DATA : TRADING;
        }
    }

    /** The headers for one answer. */
    record Usage(int limit, int remaining, long resetEpochSecond) {
        Map<String, String> headers() {
            return Map.of(
                    "X-Ratelimit-Limit", Integer.toString(limit),
                    "X-Ratelimit-Remaining", Integer.toString(remaining),
                    "X-Ratelimit-Reset", Long.toString(resetEpochSecond));
        }
    }

    private record Window(long minute, int used) {
    }

    private final Clock clock;
    private final Map<ApiRoot, AtomicReference<Window>> windows = new EnumMap<>(ApiRoot.class);
    private volatile int limitPerMinute = LIMIT_PER_MINUTE;

    SimRateLimits(Clock clock) {
        this.clock = clock;
        for (ApiRoot root : ApiRoot.values()) {
            windows.put(root, new AtomicReference<>(new Window(Long.MIN_VALUE, 0)));
        }
    }

    /** The limit reported from now on. */
    void setLimitPerMinute(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the reported rate limit must be positive: " + limit);
        }
        this.limitPerMinute = limit;
    }

    int limitPerMinute() {
        return limitPerMinute;
    }

    /** Counts one request against {@code root}'s current minute. */
    Usage record(ApiRoot root) {
        long minute = Math.floorDiv(clock.instant().getEpochSecond(), 60);
        Window window = windows.get(root).updateAndGet(
                current -> current.minute() == minute ? new Window(minute, current.used() + 1) : new Window(minute, 1));
        int limit = limitPerMinute;
        return new Usage(limit, Math.max(0, limit - window.used()), (minute + 1) * 60);
    }
}
