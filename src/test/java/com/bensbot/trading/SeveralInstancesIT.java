package com.bensbot.trading;

import com.bensbot.trading.audit.AuditVerification;
import com.bensbot.trading.audit.AuditVerifier;
import com.bensbot.trading.store.Database;
import com.bensbot.trading.support.AppInstance;
import com.bensbot.trading.support.BrokerStubs;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.PostgresTestDatabase;
import com.bensbot.trading.support.TestApps;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.bensbot.trading.support.BrokerStubs.asset;
import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.bensbot.trading.support.BrokerStubs.order;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real instances behind an imaginary load balancer (CONTRACT §2, §6, §7, §8): one PostgreSQL database (a
 * fresh one per run), one Redis (a key prefix per run, {@code TEST_REDIS_URL} or {@code redis://127.0.0.1:6379})
 * and one broker double, so that every order either instance sends is counted in one place.
 */
@Tag("services")
class SeveralInstancesIT {
    private static final String ORDERS = "/v2/orders";
    private static final String ORDER_ID = "9d1f5c1e-3f0a-4c55-8a52-0f7c2b1e6a01";
    private static final String XFF = "X-Forwarded-For";
    private static final int DATA_LIMIT = 6;

    private static WireMockServer broker;
    private static PostgresTestDatabase database;
    private static AppInstance a;
    private static AppInstance b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        broker = TestApps.startBroker();
        database = PostgresTestDatabase.create();
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("database.url", database.url());
        shared.put("database.user", database.user());
        shared.put("database.password", database.password());
        shared.put("redis.url", PostgresTestDatabase.env("TEST_REDIS_URL", "redis://127.0.0.1:6379"));
        shared.put("redis.keyPrefix", "bensbot-it-" + UUID.randomUUID() + ":");
        shared.put("alpaca.baseUrl", broker.baseUrl());
        shared.put("alpaca.dataUrl", broker.baseUrl());
        shared.put("rateLimit.groups.data.limit", Integer.toString(DATA_LIMIT));
        shared.put("rateLimit.trustedProxies", "127.0.0.1/32");
        a = AppInstance.start("a", shared);
        b = AppInstance.start("b", shared);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        } finally {
            broker.stop();
            if (database != null) {
                database.close();
            }
        }
    }

    @BeforeEach
    void stubBroker() {
        broker.resetAll();
        broker.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(okJson(BrokerStubs.clock())));
        broker.stubFor(get(urlPathMatching("/v2/assets/[A-Z]+")).willReturn(okJson(asset("AAPL", true))));
        broker.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/quotes/latest"))
                .willReturn(okJson(latestQuote("AAPL", "100.00", "99.98"))));
    }

    private static String buy(String clientOrderId) {
        return "{\"symbol\":\"AAPL\",\"qty\":\"2\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\""
                + (clientOrderId == null ? "" : ",\"client_order_id\":\"" + clientOrderId + "\"") + "}";
    }

    private static Http.Answer submit(AppInstance instance, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return instance.http().postRaw("/trading/orders", body, all);
    }

    @Test
    void aClientsLimitIsSharedByBothInstances() {
        String client = "198.51.100.77";
        List<Http.Answer> allowed = new ArrayList<>();
        for (int i = 0; i < DATA_LIMIT; i++) {
            AppInstance instance = i % 2 == 0 ? a : b;
            allowed.add(instance.http().get("/live/clock", XFF, client));
        }

        assertThat(allowed).extracting(Http.Answer::status).containsOnly(200);
        assertThat(allowed).extracting(answer -> answer.header("RateLimit-Remaining"))
                .containsExactly("5", "4", "3", "2", "1", "0");
        for (AppInstance instance : List.of(a, b)) {
            Http.Answer refused = instance.http().get("/live/clock", XFF, client);
            assertThat(refused.status()).as(instance.name()).isEqualTo(429);
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/rate-limited");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        }
        assertThat(a.http().get("/live/clock", XFF, "198.51.100.78").status())
                .as("another client has a bucket of its own").isEqualTo(200);
    }

    @Test
    void theSameIdempotencyKeyOnBothInstancesMakesOneBrokerOrder() throws Exception {
        broker.stubFor(post(urlPathEqualTo(ORDERS))
                .willReturn(okJson(order(ORDER_ID, "twin-1", "AAPL", "2", "new")).withFixedDelay(300)));
        ExecutorService threads = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Answer>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            AppInstance instance = i % 2 == 0 ? a : b;
            futures.add(threads.submit(() -> {
                go.await();
                return submit(instance, buy(null), "Idempotency-Key", "twin-1");
            }));
        }
        go.countDown();
        List<Http.Answer> answers = new ArrayList<>();
        for (Future<Http.Answer> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(broker.findAll(postRequestedFor(urlPathEqualTo(ORDERS)))).hasSize(1);
        assertThat(answers).extracting(Http.Answer::status).allMatch(status -> Set.of(200, 201, 409).contains(status));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        Set<String> ids = answers.stream().filter(answer -> answer.status() != 409)
                .map(answer -> answer.json().get("id").asText()).collect(Collectors.toSet());
        assertThat(ids).containsExactly(ORDER_ID);
        for (Http.Answer answer : answers) {
            if (answer.status() == 200) {
                assertThat(answer.header("Idempotent-Replayed")).isEqualTo("true");
            } else if (answer.status() == 409) {
                assertThat(answer.json().get("type").asText()).isEqualTo("/problems/request-in-progress");
                assertThat(answer.header("Retry-After")).isEqualTo("1");
            }
        }
        Http.Answer later = submit(b, buy(null), "Idempotency-Key", "twin-1");
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.json().get("id").asText()).isEqualTo(ORDER_ID);
        assertThat(broker.findAll(postRequestedFor(urlPathEqualTo(ORDERS)))).hasSize(1);
    }

    @Test
    void haltOnOneInstanceRefusesOrdersOnTheOtherWithinOneSecond() throws Exception {
        try {
            long halted = System.nanoTime();
            Http.Answer halt = a.admin().post("/tasks/halt-trading?reason=multi-instance-test", null,
                    "X-Admin-Token", TestApps.ADMIN_TOKEN);
            assertThat(halt.status()).isEqualTo(200);

            Http.Answer refused = null;
            while (System.nanoTime() - halted < TimeUnit.SECONDS.toNanos(1)) {
                if (b.http().get("/health").json().get("tradingHalted").asBoolean()) {
                    refused = submit(b, buy(null), "Idempotency-Key", "halted-" + UUID.randomUUID());
                    break;
                }
                Thread.sleep(50);
            }

            assertThat(refused).as("instance b saw the halt within one second").isNotNull();
            assertThat(refused.status()).isEqualTo(423);
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/trading-halted");
            assertThat(broker.findAll(postRequestedFor(urlPathEqualTo(ORDERS)))).isEmpty();
        } finally {
            Http.Answer resume = b.admin().post("/tasks/resume-trading", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
            assertThat(resume.status()).isEqualTo(200);
        }
        long resumed = System.nanoTime();
        while (a.http().get("/health").json().get("tradingHalted").asBoolean()
                && System.nanoTime() - resumed < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(50);
        }
        assertThat(a.http().get("/health").json().get("tradingHalted").asBoolean()).isFalse();
    }

    @Test
    void concurrentAuditAppendsFromBothInstancesFormOneValidChain() throws Exception {
        String invalid = "{\"symbol\":\"AAPL\",\"qty\":\"2\",\"side\":\"sideways\",\"type\":\"market\","
                + "\"time_in_force\":\"day\"}";
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            AppInstance instance = thread % 2 == 0 ? a : b;
            futures.add(threads.submit(() -> {
                go.await();
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    statuses.add(submit(instance, invalid).status());
                }
                return statuses;
            }));
        }
        go.countDown();
        for (Future<List<Integer>> future : futures) {
            assertThat(future.get(60, TimeUnit.SECONDS)).containsOnly(422);
        }
        threads.shutdown();

        AuditVerification verdict = new AuditVerifier(Database.readOnlyJdbi(database.config())).verify();

        assertThat(verdict).isInstanceOf(AuditVerification.Intact.class);
        assertThat(((AuditVerification.Intact) verdict).records()).isGreaterThanOrEqualTo(80);
        assertThat(a.admin().get("/healthcheck").json().get("database").get("healthy").asBoolean()).isTrue();
        assertThat(b.admin().get("/healthcheck").json().get("redis").get("healthy").asBoolean()).isTrue();
    }
}
