package com.bensbot.trading.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Buckets in a bounded Caffeine cache. A bucket left alone for one window has refilled completely, so dropping
 * it then changes nothing for its client: entries expire after a window without use, and the cache never holds
 * more than {@code maxBuckets}, however many distinct clients appear.
 */
public final class InMemoryBucketStore implements BucketStore {
    private record Entry(Bucket bucket, long idleNanos) {
    }

    private static final class IdleExpiry implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return entry.idleNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return entry.idleNanos();
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return entry.idleNanos();
        }
    }

    private final Cache<String, Entry> buckets;

    public InMemoryBucketStore(long maxBuckets) {
        this(maxBuckets, Ticker.systemTicker());
    }

    InMemoryBucketStore(long maxBuckets, Ticker ticker) {
        // Maintenance on the calling thread keeps the bound tight under a flood of new clients.
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfter(new IdleExpiry())
                .executor(Runnable::run)
                .ticker(ticker)
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(GroupPolicy policy, String client) {
        Entry entry = buckets.get(policy.key(client), key -> new Entry(policy.newBucket(), policy.window().toNanos()));
        return entry.bucket().tryConsumeAndReturnRemaining(1);
    }

    @Override
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
