package com.bensbot.trading.redis;

import com.bensbot.trading.broker.AlpacaConfig;
import com.bensbot.trading.broker.BrokerQuota;
import com.bensbot.trading.broker.BrokerQuotaExhaustedException;
import com.bensbot.trading.ops.RedisHealthCheck;
import com.bensbot.trading.ratelimit.GroupPolicy;
import com.bensbot.trading.ratelimit.RateGroup;
import com.bensbot.trading.ratelimit.RedisBucketStore;
import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances' stores (two connections) on one real Redis: {@code TEST_REDIS_URL}, default
 * {@code redis://127.0.0.1:6379}. Every run writes under a key prefix of its own.
 */
@Tag("services")
class RedisSharedStoreTest {
    static final String REDIS_URL = env("TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private final String prefix = "bensbot-test-" + UUID.randomUUID() + ":";
    private final List<SharedRedis> connections = new ArrayList<>();

    @AfterEach
    void stop() {
        connections.forEach(SharedRedis::stop);
    }

    private SharedRedis instance() {
        RedisConfig config = new RedisConfig();
        config.setUrl(REDIS_URL);
        config.setKeyPrefix(prefix);
        SharedRedis redis = new SharedRedis(config.parsedUrl().orElseThrow(), config, new MetricRegistry(),
                Clock.systemUTC());
        redis.start();
        connections.add(redis);
        return redis;
    }

    @Test
    void twoInstancesShareOneClientBucket() {
        RedisBucketStore first = new RedisBucketStore(instance(), new MetricRegistry());
        RedisBucketStore second = new RedisBucketStore(instance(), new MetricRegistry());
        GroupPolicy policy = new GroupPolicy(RateGroup.TRADING, 4, Duration.ofMinutes(1));

        assertThat(first.tryConsume(policy, "bot").isConsumed()).isTrue();
        assertThat(second.tryConsume(policy, "bot").isConsumed()).isTrue();
        assertThat(first.tryConsume(policy, "bot").isConsumed()).isTrue();
        assertThat(second.tryConsume(policy, "bot").getRemainingTokens()).isZero();
        assertThat(first.tryConsume(policy, "bot").isConsumed()).isFalse();
        assertThat(second.tryConsume(policy, "bot").isConsumed()).isFalse();
        assertThat(second.tryConsume(policy, "other-bot").isConsumed()).isTrue();
        assertThat(first.failedOpenCount() + second.failedOpenCount()).isZero();
        assertThat(first.size()).isEqualTo(2);
    }

    @Test
    void keysExpireOnceTheBucketIsFullAgain() throws InterruptedException {
        SharedRedis redis = instance();
        RedisBucketStore store = new RedisBucketStore(redis, new MetricRegistry());
        GroupPolicy policy = new GroupPolicy(RateGroup.DATA, 10, Duration.ofSeconds(1));
        store.tryConsume(policy, "short-lived");
        long ttl = redis.call(session -> session.commands().pttl(
                (prefix + "rl:" + policy.key("short-lived")).getBytes(StandardCharsets.UTF_8))).orElseThrow();
        assertThat(ttl).isBetween(1L, 1000L);

        Thread.sleep(ttl + 300);

        assertThat(store.size()).isZero();
    }

    @Test
    void brokerQuotaIsCountedOnceForTheAccount() {
        AlpacaConfig.Quota settings = new AlpacaConfig.Quota();
        settings.setInstances(2);
        settings.setMaxWait(io.dropwizard.util.Duration.milliseconds(0));
        AlpacaConfig.Quota.Allowance allowance = new AlpacaConfig.Quota.Allowance();
        allowance.setLimit(6);
        BrokerQuota first = new BrokerQuota("trading", allowance, settings, new MetricRegistry(),
                new RedisQuotaBuckets(instance()));
        BrokerQuota second = new BrokerQuota("trading", allowance, settings, new MetricRegistry(),
                new RedisQuotaBuckets(instance()));
        assertThat(first.limit()).isEqualTo(6);
        assertThat(first.store()).isEqualTo("redis");

        for (int i = 0; i < 3; i++) {
            first.acquire();
            second.acquire();
        }

        assertThatThrownBy(first::acquire).isInstanceOf(BrokerQuotaExhaustedException.class);
        assertThatThrownBy(second::acquire).isInstanceOf(BrokerQuotaExhaustedException.class);
        assertThat(first.used()).isEqualTo(6);
        assertThat(second.remaining()).isZero();
        second.refund();
        assertThat(first.remaining()).isEqualTo(1);
    }

    @Test
    void healthCheckPingsRedis() throws Exception {
        SharedRedis redis = instance();
        assertThat(new RedisHealthCheck(redis).execute().isHealthy()).isTrue();
        assertThat(redis.status().connected()).isTrue();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
