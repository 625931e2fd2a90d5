package com.bensbot.trading.redis;

import com.bensbot.trading.broker.AlpacaConfig;
import com.bensbot.trading.broker.BrokerQuota;
import com.bensbot.trading.ops.RedisHealthCheck;
import com.bensbot.trading.ratelimit.GroupPolicy;
import com.bensbot.trading.ratelimit.RateGroup;
import com.bensbot.trading.ratelimit.RedisBucketStore;
import com.bensbot.trading.support.LogCapture;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis configured but nothing listening (no services needed): the limiter fails open, the broker quota keeps to
 * the local share, the outage is logged once without the password, counted, and the health check is unhealthy.
 */
class UnreachableRedisTest {
    private final MetricRegistry registry = new MetricRegistry();
    private SharedRedis redis;

    @BeforeEach
    void startAgainstAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RedisConfig config = new RedisConfig();
        config.setUrl("redis://:hunter2-secret@127.0.0.1:" + port);
        redis = new SharedRedis(config.parsedUrl().orElseThrow(), config, registry, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        redis.stop();
    }

    @Test
    void clientLimitsFailOpenAndTheQuotaKeepsToTheLocalShare() throws Exception {
        try (LogCapture log = LogCapture.of(SharedRedis.class)) {
            redis.start();
            RedisBucketStore store = new RedisBucketStore(redis, registry);
            GroupPolicy policy = new GroupPolicy(RateGroup.TRADING, 2, Duration.ofMinutes(1));
            for (int i = 0; i < 10; i++) {
                ConsumptionProbe probe = store.tryConsume(policy, "bot-1");
                assertThat(probe.isConsumed()).isTrue();
            }
            assertThat(store.failedOpenCount()).isEqualTo(10);

            AlpacaConfig.Quota settings = new AlpacaConfig.Quota();
            settings.setInstances(2);
            settings.setMaxWait(io.dropwizard.util.Duration.milliseconds(0));
            AlpacaConfig.Quota.Allowance allowance = new AlpacaConfig.Quota.Allowance();
            allowance.setLimit(10);
            BrokerQuota quota = new BrokerQuota("trading", allowance, settings, registry, new RedisQuotaBuckets(redis));
            assertThat(quota.limit()).isEqualTo(5);
            assertThat(quota.store()).isEqualTo("local");
            for (int i = 0; i < 5; i++) {
                quota.acquire();
            }
            assertThat(quota.remaining()).isZero();
            assertThat(quota.used()).isEqualTo(5);

            HealthCheck.Result health = new RedisHealthCheck(redis).execute();
            assertThat(health.isHealthy()).isFalse();
            assertThat(health.getMessage()).contains("127.0.0.1:").doesNotContain("hunter2");

            assertThat(redis.failureCount()).isGreaterThanOrEqualTo(1);
            assertThat(registry.counter("bensbot.redis.failures").getCount()).isEqualTo(redis.failureCount());
            assertThat(log.events()).filteredOn(event -> event.getLevel().toString().equals("WARN")
                    && event.getFormattedMessage().contains("unreachable")).hasSize(1);
            assertThat(log.allText()).doesNotContain("hunter2");
        }
    }
}
