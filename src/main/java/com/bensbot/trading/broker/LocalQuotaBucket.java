package com.bensbot.trading.broker;

import io.github.bucket4j.Bucket;

import java.time.Duration;

/** Quota tokens counted by this instance alone: {@code limit} per {@code window}, refilled greedily. */
public final class LocalQuotaBucket implements QuotaBucket {
    public static final String STORE = "local";

    private final long limit;
    private final Bucket bucket;

    public LocalQuotaBucket(long limit, Duration window) {
        this.limit = Math.max(1, limit);
        this.bucket = Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(this.limit).refillGreedy(this.limit, window))
                .build();
    }

    @Override
    public boolean tryTake(Duration maxWait) {
        return maxWait.isZero() || maxWait.isNegative()
                ? bucket.tryConsume(1)
                : bucket.asBlocking().tryConsumeUninterruptibly(1, maxWait);
    }

    /** Takes a token if one is there, without waiting: mirrors a token spent elsewhere. */
    public void takeIfAvailable() {
        bucket.tryConsume(1);
    }

    @Override
    public long nanosUntilToken() {
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    @Override
    public void giveBack() {
        bucket.addTokens(1);
    }

    @Override
    public long available() {
        return bucket.getAvailableTokens();
    }

    @Override
    public long capacity() {
        return limit;
    }

    @Override
    public String store() {
        return STORE;
    }
}
