package com.bensbot.trading.ratelimit;

import com.bensbot.trading.redis.SharedRedis;
import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.github.bucket4j.ConsumptionProbe;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Clients' buckets in Redis, shared by every instance (CONTRACT §8): Bucket4j's compare-and-swap proxy over
 * Lettuce, keys {@code <redis.keyPrefix>rl:<group>|<client>} that expire once the bucket would be full again, so
 * Redis holds only the buckets of clients seen within their window.
 *
 * <p>When Redis cannot answer, client limits fail open: the request is served as if its bucket were full
 * (counted in {@code bensbot.ratelimit.failed_open}; the outage itself is logged and counted by
 * {@link SharedRedis}).
 */
public final class RedisBucketStore implements BucketStore {
    static final String KEY_SPACE = "rl:";

    private final SharedRedis redis;
    private final Counter failedOpen;

    public RedisBucketStore(SharedRedis redis, MetricRegistry registry) {
        this.redis = redis;
        this.failedOpen = registry.counter(MetricRegistry.name(RateLimitMonitor.PREFIX, "failed_open"));
    }

    @Override
    public ConsumptionProbe tryConsume(GroupPolicy policy, String client) {
        byte[] key = redis.key(KEY_SPACE + policy.key(client));
        return redis.call(session -> session.buckets().builder()
                        .build(key, policy::configuration)
                        .tryConsumeAndReturnRemaining(1))
                .orElseGet(() -> {
                    failedOpen.inc();
                    return ConsumptionProbe.consumed(policy.limit(), 0);
                });
    }

    /** Counts the buckets under this store's prefix (a SCAN: meant for tests and diagnostics); -1 without Redis. */
    @Override
    public long size() {
        byte[] pattern = redis.key(KEY_SPACE + "*");
        return redis.call(session -> count(session.commands(), pattern)).orElse(-1L);
    }

    private static long count(RedisCommands<byte[], byte[]> commands, byte[] pattern) {
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(1000);
        long count = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<byte[]> page = commands.scan(cursor, args);
            count += page.getKeys().size();
            cursor = page;
        } while (!cursor.isFinished());
        return count;
    }

    public long failedOpenCount() {
        return failedOpen.getCount();
    }
}
