package com.bensbot.trading.redis;

import com.bensbot.trading.broker.LocalQuotaBucket;
import com.bensbot.trading.broker.QuotaBucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;

import java.time.Duration;

/**
 * One broker API's quota counted in Redis for the whole account, with a local share to fall back on. Every token
 * this instance takes from Redis is also taken from its local share (when there is one), so that on losing Redis
 * the instance goes on from its own recent use at {@code limit / instances} per window, and all instances
 * together still keep to the account limit.
 */
public final class SharedQuotaBucket implements QuotaBucket {
    public static final String STORE = "redis";

    private final SharedRedis redis;
    private final byte[] key;
    private final BucketConfiguration configuration;
    private final long limit;
    private final LocalQuotaBucket fallback;

    public SharedQuotaBucket(SharedRedis redis, String name, long limit, Duration window, LocalQuotaBucket fallback) {
        this.redis = redis;
        this.key = redis.key(name);
        this.limit = limit;
        this.configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, window))
                .build();
        this.fallback = fallback;
    }

    private BucketProxy shared(RedisSession session) {
        return session.buckets().builder().build(key, () -> configuration);
    }

    @Override
    public boolean tryTake(Duration maxWait) {
        return redis.call(session -> maxWait.isZero() || maxWait.isNegative()
                        ? shared(session).tryConsume(1)
                        : shared(session).asBlocking().tryConsumeUninterruptibly(1, maxWait))
                .map(taken -> {
                    if (taken) {
                        fallback.takeIfAvailable();
                    }
                    return taken;
                })
                .orElseGet(() -> fallback.tryTake(maxWait));
    }

    @Override
    public long nanosUntilToken() {
        return redis.call(session -> shared(session).estimateAbilityToConsume(1).getNanosToWaitForRefill())
                .orElseGet(fallback::nanosUntilToken);
    }

    @Override
    public void giveBack() {
        if (redis.call(session -> {
            shared(session).addTokens(1);
            return Boolean.TRUE;
        }).isEmpty()) {
            fallback.giveBack();
        }
    }

    @Override
    public long available() {
        return redis.call(session -> shared(session).getAvailableTokens()).orElseGet(fallback::available);
    }

    @Override
    public long capacity() {
        return redis.usable() ? limit : fallback.capacity();
    }

    @Override
    public String store() {
        return redis.usable() ? STORE : fallback.store();
    }
}
