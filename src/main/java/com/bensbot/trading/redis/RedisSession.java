package com.bensbot.trading.redis;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;

/**
 * One open connection and what is built on it: Bucket4j's compare-and-swap proxy manager, whose keys expire once
 * their bucket would be full again (an idle client costs Redis nothing after one window), and plain commands.
 */
public final class RedisSession {
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final ProxyManager<byte[]> buckets;

    RedisSession(StatefulRedisConnection<byte[], byte[]> connection) {
        this.connection = connection;
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /** Distributed token buckets, one per key. */
    public ProxyManager<byte[]> buckets() {
        return buckets;
    }

    /** Synchronous commands, each bounded by {@code redis.commandTimeout}. */
    public RedisCommands<byte[], byte[]> commands() {
        return connection.sync();
    }

    boolean isOpen() {
        return connection.isOpen();
    }
}
