package com.bensbot.trading.broker;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

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

    private static BrokerResponse tooManyRequests(String retryAfter, String remaining, String reset) {
        Map<String, String> headers = new HashMap<>();
        if (retryAfter != null) {
            headers.put("retry-after", retryAfter);
        }
        if (remaining != null) {
            headers.put("x-ratelimit-remaining", remaining);
        }
        if (reset != null) {
            headers.put("x-ratelimit-reset", reset);
        }
        return new BrokerResponse(429, headers, new byte[0]);
    }

    @Test
    void rateLimitWaitIsTheLaterOfRetryAfterAndTheQuotasHoldForTheReset() {
        long now = 1_800_000_000_250L;
        BrokerResponse answer = tooManyRequests("1", "0", "1800000002");

        assertThat(BrokerApi.rateLimitWaitMillis(answer, 1750, now)).isEqualTo(1750);
        assertThat(BrokerApi.rateLimitWaitMillis(answer, 400, now)).isEqualTo(1000);
        assertThat(BrokerApi.rateLimitWaitMillis(answer, 0, now)).isEqualTo(1000);
        assertThat(BrokerApi.rateLimitWaitMillis(tooManyRequests("5", "0", "1800000002"), 1750, now))
                .isEqualTo(5000);
    }

    @Test
    void rateLimitWaitReadsWhatTheBrokerGives() {
        long now = 1_800_000_000_250L;
        String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochMilli(now + 2_750).atOffset(ZoneOffset.UTC));

        assertThat(BrokerApi.rateLimitWaitMillis(tooManyRequests(httpDate, null, null), 0, now))
                .isEqualTo(2_750);
        assertThat(BrokerApi.rateLimitWaitMillis(tooManyRequests(null, "0", "1800000004"), 0, now))
                .isEqualTo(3_750);
        assertThat(BrokerApi.rateLimitWaitMillis(tooManyRequests("soon", null, "1800000004"), 0, now))
                .isEqualTo(3_750);
        assertThat(BrokerApi.rateLimitWaitMillis(tooManyRequests(null, null, null), 0, now)).isEqualTo(1000);
        assertThat(BrokerApi.rateLimitWaitMillis(tooManyRequests("-3", null, "1799999999"), 0, now)).isZero();
    }

    @Test
    void aRetryAfterTheRateLimitWaitIsNotHeldBackByTheQuota() {
        AlpacaConfig.Quota settings = new AlpacaConfig.Quota();
        settings.setMaxWait(Duration.milliseconds(0));
        BrokerQuota quota = new BrokerQuota("data", new AlpacaConfig.Quota.Allowance(), settings, new MetricRegistry());
        long now = System.currentTimeMillis();
        // Retry-After: 1, none remaining, and a reset between two and three seconds away.
        BrokerResponse answer = tooManyRequests("1", "0", Long.toString(now / 1000 + 3));
        quota.observe(answer);

        long wait = BrokerApi.rateLimitWaitMillis(answer, quota.brokerWaitMillis(), now);

        assertThat(wait).isGreaterThan(1000);
        // The reset, as the quota counts it, is no later than now + wait: a retry then is let through.
        assertThat(quota.brokerWaitMillis()).isLessThanOrEqualTo(wait);
    }

    @Test
    void cacheResultsCombineAsTheContractSays() {
        assertThat(CacheResult.HIT.combine(CacheResult.HIT)).isEqualTo(CacheResult.HIT);
        assertThat(CacheResult.HIT.combine(CacheResult.MISS)).isEqualTo(CacheResult.MISS);
        assertThat(CacheResult.MISS.combine(CacheResult.STALE)).isEqualTo(CacheResult.STALE);
    }
}
