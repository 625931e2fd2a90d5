package com.bensbot.trading.redis;

import com.bensbot.trading.support.AppInstance;
import com.bensbot.trading.support.BrokerStubs;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.LogCapture;
import com.bensbot.trading.support.RedisProcess;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis dies under a running instance (CONTRACT §5, §8): the test starts a redis-server of its own on a free port,
 * points the service at it, kills it mid-test and starts it again. Meanwhile the service keeps serving: client
 * limits fail open, the broker quota keeps to the local share, the {@code redis} check is unhealthy, the outage is
 * logged once and counted.
 */
@Tag("services")
class RedisOutageIT {
    private static final String XFF = "X-Forwarded-For";
    private static final String CLIENT = "203.0.113.9";

    private WireMockServer broker;
    private RedisProcess redis;
    private AppInstance app;

    @BeforeEach
    void start() throws Exception {
        broker = TestApps.startBroker();
        broker.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(okJson(BrokerStubs.clock())));
        redis = RedisProcess.start(RedisProcess.freePort());
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("database.url", TestApps.tempDatabaseUrl());
        overrides.put("redis.url", redis.url());
        overrides.put("redis.skipFor", "1s");
        overrides.put("alpaca.baseUrl", broker.baseUrl());
        overrides.put("alpaca.dataUrl", broker.baseUrl());
        overrides.put("alpaca.quota.trading.limit", "1000");
        overrides.put("alpaca.quota.data.limit", "1000");
        overrides.put("alpaca.quota.trading.window", "1h");
        overrides.put("alpaca.quota.instances", "2");
        overrides.put("rateLimit.groups.data.limit", "3");
        overrides.put("rateLimit.trustedProxies", "127.0.0.1/32");
        app = AppInstance.start("outage", overrides);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            app.close();
        } finally {
            redis.close();
            broker.stop();
        }
    }

    private Http.Answer clock() {
        return app.http().get("/live/clock", XFF, CLIENT);
    }

    private JsonNode quota(String api) {
        return app.http().get("/live/service-health").json().get("apis").get(api).get("quota");
    }

    private JsonNode redisCheck() {
        return app.admin().get("/healthcheck").json().get("redis");
    }

    @Test
    void theServiceKeepsServingWhenRedisDiesAndSharesAgainWhenItIsBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(clock().status()).isEqualTo(200);
        }
        assertThat(clock().status()).as("the limit is kept in Redis").isEqualTo(429);
        assertThat(redisCheck().get("healthy").asBoolean()).isTrue();
        assertThat(quota("trading").get("store").asText()).isEqualTo("redis");
        assertThat(quota("trading").get("limit").asLong()).isEqualTo(1000);

        int port = redis.port();
        try (LogCapture log = LogCapture.of(SharedRedis.class)) {
            redis.close();

            for (int i = 0; i < 10; i++) {
                Http.Answer answer = clock();
                assertThat(answer.status()).as("request %d after Redis died", i).isEqualTo(200);
            }
            JsonNode check = redisCheck();
            assertThat(check.get("healthy").asBoolean()).isFalse();
            assertThat(check.get("message").asText()).contains("127.0.0.1:" + port);
            for (String api : new String[] {"trading", "data"}) {
                JsonNode quota = quota(api);
                assertThat(quota.get("store").asText()).as(api).isEqualTo("local");
                assertThat(quota.get("limit").asLong()).as("%s: limit / instances", api).isEqualTo(500);
            }
            // The 10 calls since were taken from the local share (plus those mirrored while Redis counted); a 1 h
            // window barely refills.
            assertThat(quota("trading").get("used").asLong()).isGreaterThanOrEqualTo(10L);
            assertThat(quota("trading").get("remaining").asLong()).isLessThanOrEqualTo(490L);
            JsonNode counters = app.admin().get("/metrics").json().get("counters");
            assertThat(counters.get("bensbot.redis.failures").get("count").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(counters.get("bensbot.ratelimit.failed_open").get("count").asLong()).isGreaterThanOrEqualTo(10);
            assertThat(log.events()).filteredOn(event -> event.getLevel().toString().equals("WARN"))
                    .as("one WARN per outage").hasSize(1);
        }

        redis = RedisProcess.start(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!redisCheck().get("healthy").asBoolean() && System.nanoTime() < deadline) {
            clock();
            Thread.sleep(200);
        }
        assertThat(redisCheck().get("healthy").asBoolean()).as("healthy again once Redis is back").isTrue();
        assertThat(quota("trading").get("store").asText()).isEqualTo("redis");
        for (int i = 0; i < 3; i++) {
            assertThat(app.http().get("/live/clock", XFF, "203.0.113.10").status()).isEqualTo(200);
        }
        assertThat(app.http().get("/live/clock", XFF, "203.0.113.10").status())
                .as("limits are enforced again").isEqualTo(429);
    }
}
