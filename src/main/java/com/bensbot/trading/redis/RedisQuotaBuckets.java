package com.bensbot.trading.redis;

import com.bensbot.trading.broker.LocalQuotaBucket;
import com.bensbot.trading.broker.QuotaBucket;
import com.bensbot.trading.broker.QuotaBuckets;

import java.time.Duration;

/** Broker quota buckets in Redis, one per API ({@code <redis.keyPrefix>quota:trading}, {@code …:data}). */
public final class RedisQuotaBuckets implements QuotaBuckets {
    private final SharedRedis redis;

    public RedisQuotaBuckets(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public QuotaBucket bucket(String api, long limit, Duration window, int instances) {
        long share = Math.max(1, limit / Math.max(1, instances));
        return new SharedQuotaBucket(redis, "quota:" + api, limit, window, new LocalQuotaBucket(share, window));
    }
}
