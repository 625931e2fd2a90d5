package com.bensbot.trading.broker;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerQuotaTest {
    private final MetricRegistry registry = new MetricRegistry();

    private BrokerQuota quota(int limit, int instances, Duration maxWait) {
        AlpacaConfig.Quota settings = new AlpacaConfig.Quota();
        settings.setInstances(instances);
        settings.setMaxWait(maxWait);
        AlpacaConfig.Quota.Allowance allowance = new AlpacaConfig.Quota.Allowance();
        allowance.setLimit(limit);
        return new BrokerQuota("data", allowance, settings, registry);
    }

    private static BrokerResponse answer(String remaining, String reset) {
        return new BrokerResponse(200, reset == null ? Map.of("x-ratelimit-remaining", remaining)
                : Map.of("x-ratelimit-remaining", remaining, "x-ratelimit-limit", "200", "x-ratelimit-reset", reset),
                new byte[0]);
    }

    @Test
    void failsFastOnceTheLocalShareIsSpent() {
        BrokerQuota quota = quota(3, 1, Duration.milliseconds(0));
        for (int i = 0; i < 3; i++) {
            quota.acquire();
        }
        assertThat(quota.used()).isEqualTo(3);
        assertThat(quota.remaining()).isZero();

        assertThatThrownBy(quota::acquire).isInstanceOfSatisfying(BrokerQuotaExhaustedException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.type().uri()).isEqualTo("/problems/broker-quota-exhausted");
            assertThat(e.retryAfterSeconds()).isBetween(1L, 20L);
            assertThat(e.isBreakerFailure()).isFalse();
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(quota.exhaustedCount()).isEqualTo(1);
    }

    @Test
    void aSingleInstanceKeepsTheWholeAccountLimit() {
        assertThat(quota(200, 2, Duration.milliseconds(0)).limit()).isEqualTo(200);
        assertThat(quota(3, 5, Duration.milliseconds(0)).limit()).isEqualTo(3);
    }

    @Test
    void waitsUpToMaxWaitForARefill() {
        // 60 per minute: a token every second, more than the 250 ms a call may wait.
        BrokerQuota slow = quota(1, 1, Duration.milliseconds(250));
        slow.acquire();
        assertThatThrownBy(slow::acquire).isInstanceOf(BrokerQuotaExhaustedException.class);

        AlpacaConfig.Quota settings = new AlpacaConfig.Quota();
        settings.setInstances(1);
        settings.setMaxWait(Duration.seconds(2));
        AlpacaConfig.Quota.Allowance fast = new AlpacaConfig.Quota.Allowance();
        fast.setLimit(2);
        fast.setWindow(Duration.seconds(1));
        BrokerQuota quick = new BrokerQuota("trading", fast, settings, registry);
        quick.acquire();
        quick.acquire();
        quick.acquire();
        assertThat(quick.remaining()).isZero();
    }

    @Test
    void brokersLastWordCapsRemaining() {
        BrokerQuota quota = quota(200, 1, Duration.milliseconds(0));
        long reset = System.currentTimeMillis() / 1000 + 30;
        quota.observe(answer("7", Long.toString(reset)));

        assertThat(quota.remaining()).isEqualTo(7);
        assertThat(quota.used()).isZero();
    }

    @Test
    void brokerSayingNoneRemainStopsCallsUntilItsReset() {
        BrokerQuota quota = quota(200, 1, Duration.milliseconds(0));
        quota.observe(answer("0", Long.toString(System.currentTimeMillis() / 1000 + 30)));

        assertThatThrownBy(quota::acquire).isInstanceOfSatisfying(BrokerQuotaExhaustedException.class,
                e -> assertThat(e.retryAfterSeconds()).isBetween(29L, 31L));
        assertThat(quota.used()).isZero();
    }

    @Test
    void brokerWaitIsTheTimeUntilTheResetOnlyWhileNoneRemain() {
        BrokerQuota quota = quota(200, 1, Duration.milliseconds(0));
        assertThat(quota.brokerWaitMillis()).isZero();

        long inThirtySeconds = System.currentTimeMillis() / 1000 + 30;
        quota.observe(answer("3", Long.toString(inThirtySeconds)));
        assertThat(quota.brokerWaitMillis()).isZero();

        quota.observe(answer("0", Long.toString(inThirtySeconds)));
        assertThat(quota.brokerWaitMillis()).isBetween(29_000L, 30_000L);

        quota.observe(answer("0", Long.toString(System.currentTimeMillis() / 1000 - 5)));
        assertThat(quota.brokerWaitMillis()).isZero();

        // A reset far away (a clock far from the broker's) holds calls for one window at most.
        quota.observe(answer("0", Long.toString(System.currentTimeMillis() / 1000 + 3600)));
        assertThat(quota.brokerWaitMillis()).isBetween(1L, 60_000L);
    }

    @Test
    void staleOrUnreadableBrokerHeadersAreIgnored() {
        BrokerQuota quota = quota(200, 1, Duration.milliseconds(0));
        quota.observe(answer("0", Long.toString(System.currentTimeMillis() / 1000 - 5)));
        quota.acquire();
        quota.observe(answer("lots", "soon"));
        quota.observe(new BrokerResponse(200, Map.of(), new byte[0]));
        quota.acquire();
        assertThat(quota.remaining()).isEqualTo(198);
    }

    @Test
    void refundGivesTheTokenBack() {
        BrokerQuota quota = quota(2, 1, Duration.milliseconds(0));
        quota.acquire();
        quota.refund();
        assertThat(quota.remaining()).isEqualTo(2);
    }

    @Test
    void gaugesShowUsedAndRemaining() {
        BrokerQuota quota = quota(10, 1, Duration.milliseconds(0));
        quota.acquire();

        assertThat(registry.getGauges().get("bensbot.broker.data.quota.remaining").getValue()).isEqualTo(9L);
        Gauge<?> used = registry.getGauges().get("bensbot.broker.data.quota.used");
        assertThat(used.getValue()).isEqualTo(1L);
    }
}
