package com.bensbot.trading.redis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RedisBreakerTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RedisBreaker breaker = new RedisBreaker(3, Duration.ofSeconds(10), now::get);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void threeFailuresInARowSkipRedisForTenSeconds() {
        assertThat(breaker.failed()).as("the first failure starts the outage").isTrue();
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.failed()).as("logged once").isFalse();
        assertThat(breaker.allows()).isTrue();
        breaker.failed();

        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.skipRemaining()).isEqualTo(Duration.ofSeconds(10));
        advance(Duration.ofMillis(9_999));
        assertThat(breaker.allows()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.skipRemaining()).isZero();
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.failed();
        breaker.failed();
        assertThat(breaker.succeeded()).as("ends the outage").isTrue();
        assertThat(breaker.succeeded()).isFalse();

        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void aFailedTrialAfterTheSkipSkipsAgainAtOnce() {
        breaker.failed();
        breaker.failed();
        breaker.failed();
        advance(Duration.ofSeconds(10));
        assertThat(breaker.allows()).isTrue();

        assertThat(breaker.failed()).as("still the same outage").isFalse();

        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.skipRemaining()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aSuccessfulTrialClosesIt() {
        breaker.failed();
        breaker.failed();
        breaker.failed();
        advance(Duration.ofSeconds(11));

        assertThat(breaker.succeeded()).isTrue();

        assertThat(breaker.inOutage()).isFalse();
        breaker.failed();
        assertThat(breaker.allows()).as("one failure after recovery does not skip").isTrue();
    }

    @Test
    void thresholdOfOneSkipsOnTheFirstFailure() {
        RedisBreaker strict = new RedisBreaker(1, Duration.ofSeconds(10), now::get);
        strict.failed();
        assertThat(strict.allows()).isFalse();
    }
}
