package com.bensbot.trading.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryBucketStoreTest {
    private final GroupPolicy data = new GroupPolicy(RateGroup.DATA, 3, Duration.ofMinutes(1));
    private final GroupPolicy admin = new GroupPolicy(RateGroup.ADMIN, 1, Duration.ofMinutes(1));

    @Test
    void eachClientAndGroupHasItsOwnBucket() {
        InMemoryBucketStore store = new InMemoryBucketStore(1000);

        assertThat(store.tryConsume(data, "a").getRemainingTokens()).isEqualTo(2);
        assertThat(store.tryConsume(data, "a").getRemainingTokens()).isEqualTo(1);
        assertThat(store.tryConsume(data, "a").getRemainingTokens()).isZero();
        ConsumptionProbe refused = store.tryConsume(data, "a");
        assertThat(refused.isConsumed()).isFalse();

        assertThat(store.tryConsume(data, "b").isConsumed()).isTrue();
        assertThat(store.tryConsume(admin, "a").isConsumed()).isTrue();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfClients() {
        InMemoryBucketStore store = new InMemoryBucketStore(10_000);

        for (int i = 0; i < 200_000; i++) {
            String client = (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff) + ".1";
            assertThat(store.tryConsume(data, client).isConsumed()).isTrue();
        }

        assertThat(store.size()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void idleBucketsExpireAfterTheirWindow() {
        AtomicLong now = new AtomicLong();
        InMemoryBucketStore store = new InMemoryBucketStore(1000, now::get);
        store.tryConsume(data, "idle");
        store.tryConsume(data, "busy");

        now.addAndGet(Duration.ofSeconds(40).toNanos());
        store.tryConsume(data, "busy");
        assertThat(store.size()).isEqualTo(2);

        now.addAndGet(Duration.ofSeconds(40).toNanos());
        assertThat(store.size()).isEqualTo(1);
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(store.size()).isZero();
    }
}
