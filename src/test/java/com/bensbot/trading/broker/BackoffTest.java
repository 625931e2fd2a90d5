package com.bensbot.trading.broker;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @RepeatedTest(50)
    void fullJitterStaysWithinTheExponentialCeiling() {
        assertThat(BrokerApi.backoffMillis(1, 200, 5000, null)).isBetween(0L, 200L);
        assertThat(BrokerApi.backoffMillis(2, 200, 5000, null)).isBetween(0L, 400L);
        assertThat(BrokerApi.backoffMillis(3, 200, 5000, null)).isBetween(0L, 800L);
        assertThat(BrokerApi.backoffMillis(20, 200, 5000, null)).isBetween(0L, 5000L);
        assertThat(BrokerApi.backoffMillis(64, 200, 5000, null)).isBetween(0L, 5000L);
    }

    @Test
    void jitterActuallyVaries() {
        long first = BrokerApi.backoffMillis(5, 200, 5000, null);
        boolean varied = false;
        for (int i = 0; i < 50 && !varied; i++) {
            varied = BrokerApi.backoffMillis(5, 200, 5000, null) != first;
        }
        assertThat(varied).isTrue();
    }

    @RepeatedTest(20)
    void rateLimitWaitsAtLeastRetryAfter() {
        BrokerRateLimitedException limited = new BrokerRateLimitedException("data", 1500, true);
        assertThat(BrokerApi.backoffMillis(1, 200, 5000, limited)).isGreaterThanOrEqualTo(1500);
        assertThat(limited.retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void cacheResultsCombineAsTheContractSays() {
        assertThat(CacheResult.HIT.combine(CacheResult.HIT)).isEqualTo(CacheResult.HIT);
        assertThat(CacheResult.HIT.combine(CacheResult.MISS)).isEqualTo(CacheResult.MISS);
        assertThat(CacheResult.MISS.combine(CacheResult.STALE)).isEqualTo(CacheResult.STALE);
    }
}
