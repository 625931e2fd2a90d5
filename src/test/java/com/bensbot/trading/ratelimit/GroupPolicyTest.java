package com.bensbot.trading.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupPolicyTest {
    private final GroupPolicy trading = new GroupPolicy(RateGroup.TRADING, 30, Duration.ofMinutes(1));

    @Test
    void headersFollowTheDraft() {
        assertThat(trading.policyHeader()).isEqualTo("\"trading\";q=30;w=60");
        assertThat(trading.rateLimitHeader(29, 2)).isEqualTo("\"trading\";r=29;t=2");
        assertThat(new GroupPolicy(RateGroup.DEFAULT, 600, Duration.ofSeconds(90)).policyHeader())
                .isEqualTo("\"default\";q=600;w=90");
    }

    @Test
    void secondsRoundUp() {
        assertThat(GroupPolicy.ceilSeconds(0)).isZero();
        assertThat(GroupPolicy.ceilSeconds(-5)).isZero();
        assertThat(GroupPolicy.ceilSeconds(1)).isEqualTo(1);
        assertThat(GroupPolicy.ceilSeconds(1_000_000_000L)).isEqualTo(1);
        assertThat(GroupPolicy.ceilSeconds(1_000_000_001L)).isEqualTo(2);
    }

    @Test
    void bucketsRefillGreedilyOverTheWindow() {
        Bucket bucket = trading.newBucket();
        ConsumptionProbe first = bucket.tryConsumeAndReturnRemaining(1);
        assertThat(first.isConsumed()).isTrue();
        assertThat(first.getRemainingTokens()).isEqualTo(29);
        // One token comes back every window / limit = 2 s.
        assertThat(GroupPolicy.ceilSeconds(first.getNanosToWaitForReset())).isEqualTo(2);
        for (int i = 0; i < 29; i++) {
            assertThat(bucket.tryConsume(1)).isTrue();
        }
        ConsumptionProbe refused = bucket.tryConsumeAndReturnRemaining(1);
        assertThat(refused.isConsumed()).isFalse();
        assertThat(GroupPolicy.ceilSeconds(refused.getNanosToWaitForRefill())).isBetween(1L, 2L);
        assertThat(GroupPolicy.ceilSeconds(refused.getNanosToWaitForReset())).isBetween(59L, 60L);
    }

    @Test
    void keysSeparateGroups() {
        GroupPolicy data = new GroupPolicy(RateGroup.DATA, 300, Duration.ofMinutes(1));
        assertThat(trading.key("1.2.3.4")).isNotEqualTo(data.key("1.2.3.4"));
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new GroupPolicy(RateGroup.DATA, 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupPolicy(RateGroup.DATA, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
