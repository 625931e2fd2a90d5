package com.bensbot.trading.redis;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisUrlTest {
    @Test
    void plainHostAndPort() {
        RedisUrl url = RedisUrl.parse("redis://127.0.0.1:6379");

        assertThat(url.tls()).isFalse();
        assertThat(url.host()).isEqualTo("127.0.0.1");
        assertThat(url.port()).isEqualTo(6379);
        assertThat(url.hasPassword()).isFalse();
        assertThat(url.database()).isZero();
        assertThat(url.hostPort()).isEqualTo("127.0.0.1:6379");
        assertThat(url.redacted()).isEqualTo("redis://127.0.0.1:6379");
    }

    @Test
    void portDefaultsTo6379() {
        assertThat(RedisUrl.parse("redis://cache.internal").hostPort()).isEqualTo("cache.internal:6379");
    }

    @Test
    void passwordIsKeptForLettuceButNeverShown() {
        RedisUrl url = RedisUrl.parse("redis://:s3cr%40t-pass@cache.internal:6380/2");

        assertThat(url.hasPassword()).isTrue();
        assertThat(url.username()).isEmpty();
        assertThat(url.database()).isEqualTo(2);
        assertThat(url.hostPort()).isEqualTo("cache.internal:6380");
        assertThat(url.redacted()).isEqualTo("redis://:***@cache.internal:6380/2");
        assertThat(url.toString()).doesNotContain("s3cr").isEqualTo(url.redacted());
        assertThat(url.redact("AUTH failed for s3cr@t-pass")).isEqualTo("AUTH failed for ***");

        RedisURI lettuce = url.toRedisUri(Duration.ofMillis(100));
        assertThat(new String(lettuce.getPassword())).isEqualTo("s3cr@t-pass");
        assertThat(lettuce.getUsername()).isNull();
        assertThat(lettuce.getDatabase()).isEqualTo(2);
        assertThat(lettuce.getTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(lettuce.isSsl()).isFalse();
    }

    @Test
    void userAndPasswordForAcl() {
        RedisUrl url = RedisUrl.parse("redis://gateway:pw@10.1.2.3:6379");

        assertThat(url.username()).isEqualTo("gateway");
        assertThat(url.redacted()).isEqualTo("redis://gateway:***@10.1.2.3:6379");
        RedisURI lettuce = url.toRedisUri(Duration.ofMillis(100));
        assertThat(lettuce.getUsername()).isEqualTo("gateway");
        assertThat(new String(lettuce.getPassword())).isEqualTo("pw");
    }

    @Test
    void userInfoWithoutAColonIsThePassword() {
        RedisUrl url = RedisUrl.parse("redis://onlypassword@host:1234");

        assertThat(url.username()).isEmpty();
        assertThat(url.redacted()).isEqualTo("redis://:***@host:1234");
    }

    @Test
    void redissMeansTls() {
        RedisUrl url = RedisUrl.parse("rediss://:pw@redis.example.com:6380");

        assertThat(url.tls()).isTrue();
        assertThat(url.redacted()).isEqualTo("rediss://:***@redis.example.com:6380");
        assertThat(url.toRedisUri(Duration.ofMillis(100)).isSsl()).isTrue();
    }

    @Test
    void ipv6LiteralKeepsItsBrackets() {
        RedisUrl url = RedisUrl.parse("redis://[::1]:6390");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.hostPort()).isEqualTo("[::1]:6390");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "http://host:6379", "host:6379", "redis://", "redis://host:6379/x",
            "redis://host:6379?timeout=1s", "redis://host:99999", "redis://:p w@host"})
    void refusesWhatIsNotARedisUrl(String text) {
        assertThatThrownBy(() -> RedisUrl.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anErrorNeverQuotesThePassword() {
        assertThatThrownBy(() -> RedisUrl.parse("redis://:top secret@host:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("top secret"));
        assertThatThrownBy(() -> RedisUrl.parse("redis://:topsecret@host:6379/abc"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
    }
}
