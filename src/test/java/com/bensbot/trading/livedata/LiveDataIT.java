package com.bensbot.trading.livedata;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.bensbot.trading.support.BrokerStubs.latestTrade;
import static com.bensbot.trading.support.BrokerStubs.quoteFields;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DropwizardExtensionsSupport.class)
class LiveDataIT {
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER);

    private Http http;

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @BeforeEach
    void setUp() {
        BROKER.resetAll();
        http = Http.localhost(APP.getLocalPort());
    }

    private int dataCalls() {
        return BROKER.findAll(anyRequestedFor(urlPathMatching("/v2/stocks/.*"))).size();
    }

    @Test
    void quoteIsFetchedOnceThenServedFromCache() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/quotes/latest"))
                .willReturn(okJson(latestQuote("AAPL", "185.23", "185.21"))));

        Http.Answer first = http.get("/live/quote/aapl");
        Http.Answer second = http.get("/live/quote/AAPL");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(first.header("X-Request-ID")).isNotBlank();
        JsonNode body = first.json();
        assertThat(body.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(body.get("stale").asBoolean()).isFalse();
        assertThat(body.get("quote").get("ap").decimalValue()).isEqualByComparingTo("185.23");
        assertThat(body.get("quote").get("bp").decimalValue()).isEqualByComparingTo("185.21");
        assertThat(body.get("quote").get("as").asLong()).isEqualTo(3);
        assertThat(body.get("quote").get("t").asText()).isEqualTo("2026-11-26T15:04:05.123456789Z");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        BROKER.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/AAPL/quotes/latest"))
                .withHeader("APCA-API-KEY-ID", equalTo("test-key-id"))
                .withHeader("APCA-API-SECRET-KEY", equalTo("test-secret-key")));
    }

    @Test
    void symbolWithoutDataIs404AndRememberedAsMissing() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/NODATA/quotes/latest"))
                .willReturn(aResponse().withStatus(404).withBody("{\"code\":40410000,\"message\":\"not found\"}")));

        Http.Answer first = http.get("/live/quote/NODATA");
        Http.Answer second = http.get("/live/quote/NODATA");

        assertThat(first.status()).isEqualTo(404);
        assertThat(first.header("Content-Type")).startsWith("application/problem+json");
        assertThat(first.json().get("type").asText()).isEqualTo("/problems/symbol-not-found");
        assertThat(second.status()).isEqualTo(404);
        BROKER.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/NODATA/quotes/latest")));
    }

    @Test
    void fortyConcurrentColdReadsShareOneBrokerCall() throws Exception {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/MSFT/quotes/latest"))
                .willReturn(okJson(latestQuote("MSFT", "410.10", "410.00")).withFixedDelay(300)));
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return http.get("/live/quote/MSFT");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Answer> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200).hasSize(40);
        BROKER.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/MSFT/quotes/latest")));
    }

    @Test
    void batchLoadsAllMissesInOneCall() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/NVDA/quotes/latest"))
                .willReturn(okJson(latestQuote("NVDA", "140.50", "140.40"))));
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/quotes/latest"))
                .willReturn(okJson("{\"quotes\":{\"AMD\":" + quoteFields("150.00", "149.90") + ",\"INTC\":"
                        + quoteFields("25.00", "24.99") + "}}")));
        assertThat(http.get("/live/quote/NVDA").status()).isEqualTo(200);

        Http.Answer answer = http.get("/live/quotes?symbols=NVDA,amd,INTC,ZZZZ,AMD");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Cache")).isEqualTo("MISS");
        JsonNode body = answer.json();
        assertThat(body.get("quotes").has("NVDA")).isTrue();
        assertThat(body.get("quotes").get("AMD").get("ap").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(body.get("quotes").has("INTC")).isTrue();
        assertThat(body.get("missing").toString()).isEqualTo("[\"ZZZZ\"]");
        assertThat(body.get("stale").toString()).isEqualTo("[]");
        BROKER.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/quotes/latest"))
                .withQueryParam("symbols", matching("[A-Z,]+"))
                .withQueryParam("symbols", containing("AMD"))
                .withQueryParam("symbols", containing("INTC"))
                .withQueryParam("symbols", containing("ZZZZ")));
        BROKER.verify(0, getRequestedFor(urlPathEqualTo("/v2/stocks/quotes/latest"))
                .withQueryParam("symbols", containing("NVDA")));

        Http.Answer again = http.get("/live/quotes?symbols=NVDA,AMD,INTC,ZZZZ");
        assertThat(again.header("X-Cache")).isEqualTo("HIT");
        assertThat(again.json().get("missing").toString()).isEqualTo("[\"ZZZZ\"]");
        BROKER.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/quotes/latest")));
    }

    @Test
    void tradeIsServedWithCacheHeader() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/trades/latest"))
                .willReturn(okJson(latestTrade("TSLA", "250.5"))));

        Http.Answer answer = http.get("/live/trade/TSLA");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Cache")).isEqualTo("MISS");
        assertThat(answer.json().get("trade").get("p").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(answer.json().get("trade").get("i").asLong()).isEqualTo(52983525029461L);
        assertThat(http.get("/live/trade/TSLA").header("X-Cache")).isEqualTo("HIT");
    }

    @Test
    void barsWithoutStartAskForTheLatestAndComeBackAscending() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/SPY/bars")).willReturn(okJson("{\"bars\":["
                + "{\"t\":\"2026-11-26T15:02:00Z\",\"o\":1.5,\"h\":2,\"l\":1,\"c\":1.75,\"v\":100,\"n\":3,\"vw\":1.6},"
                + "{\"t\":\"2026-11-26T15:01:00Z\",\"o\":1,\"h\":2,\"l\":1,\"c\":1.5,\"v\":200,\"n\":4,\"vw\":1.4}"
                + "],\"symbol\":\"SPY\",\"next_page_token\":null}")));

        Http.Answer answer = http.get("/live/bars/SPY?timeframe=1Min&limit=2");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Cache")).isNull();
        JsonNode bars = answer.json().get("bars");
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).get("t").asText()).isEqualTo("2026-11-26T15:01:00Z");
        assertThat(bars.get(1).get("c").decimalValue()).isEqualByComparingTo("1.75");
        assertThat(answer.json().get("timeframe").asText()).isEqualTo("1Min");
        BROKER.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/SPY/bars"))
                .withQueryParam("sort", equalTo("desc"))
                .withQueryParam("limit", equalTo("2"))
                .withQueryParam("timeframe", equalTo("1Min")));
    }

    @Test
    void barsWithNoDataAreAnEmptyList() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/QQQ/bars"))
                .willReturn(okJson("{\"bars\":null,\"symbol\":\"QQQ\",\"next_page_token\":null}")));

        Http.Answer answer = http.get("/live/bars/QQQ?timeframe=1Day&start=2026-01-01&end=2026-01-31T00:00:00Z");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("bars").isArray()).isTrue();
        assertThat(answer.json().get("bars")).isEmpty();
        BROKER.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/QQQ/bars"))
                .withQueryParam("sort", equalTo("asc"))
                .withQueryParam("start", equalTo("2026-01-01T00:00:00Z")));
    }

    @Test
    void clockPassesThroughAlpacaFields() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(okJson(
                com.bensbot.trading.support.BrokerStubs.clock())));

        Http.Answer answer = http.get("/live/clock");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("is_open").asBoolean()).isTrue();
        assertThat(answer.json().get("next_open").asText()).isEqualTo("2026-11-27T09:30:00-05:00");
        assertThat(answer.header("X-Cache")).isNull();
    }

    @Test
    void badParametersAre400WithoutCallingTheBroker() {
        BROKER.stubFor(get(anyUrl()).willReturn(okJson("{}")));
        String longSymbol = "A".repeat(200);
        String manySymbols = IntStream.range(0, 500).mapToObj(i -> "S" + i).collect(Collectors.joining(","));
        List<String> paths = List.of(
                "/live/quote/" + longSymbol,
                "/live/quote/AA%7CPL",
                "/live/quote/A_B",
                "/live/trade/%3Cscript%3E",
                "/live/quotes?symbols=" + manySymbols,
                "/live/quotes?symbols=",
                "/live/quotes",
                "/live/quotes?symbols=AAPL,,MSFT",
                "/live/bars/AAPL?limit=0",
                "/live/bars/AAPL?limit=1001",
                "/live/bars/AAPL?limit=abc",
                "/live/bars/AAPL?timeframe=7Day",
                "/live/bars/AAPL?timeframe=60Min",
                "/live/bars/AAPL?start=yesterday",
                "/live/bars/AAPL?start=2026-02-01&end=2026-01-01",
                // Dots alone would be dot-segments in the broker's path (/v2/stocks/../bars).
                "/live/bars/..",
                "/live/quote/.",
                "/live/trade/..",
                "/live/quotes?symbols=AAPL,..");
        for (String path : paths) {
            Http.Answer answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            assertThat(problem.get("type").asText()).as(path).isEqualTo("/problems/invalid-parameter");
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("errorId").asText()).isNotBlank();
            assertThat(problem.get("requestId").asText()).isEqualTo(answer.header("X-Request-ID"));
        }
        assertThat(dataCalls()).isZero();
    }

    @Test
    void nulByteInPathIsAProblemDocument() {
        Http.Answer answer = http.get("/live/quote/%00");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(answer.header("X-Request-ID")).isNotBlank();
        assertThat(dataCalls()).isZero();
    }

    @Test
    void callerRequestIdIsEchoedAndBadOnesReplaced() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/IBM/quotes/latest"))
                .willReturn(okJson(latestQuote("IBM", "200.00", "199.90"))));

        assertThat(http.get("/live/quote/IBM", "X-Request-ID", "bot-7.req_42").header("X-Request-ID"))
                .isEqualTo("bot-7.req_42");
        String replaced = http.get("/live/quote/IBM", "X-Request-ID", "bad id with spaces").header("X-Request-ID");
        assertThat(replaced).matches("[A-Za-z0-9._-]{1,128}").isNotEqualTo("bad id with spaces");
        assertThat(http.get("/live/quote/IBM", "X-Request-ID", "x".repeat(129)).header("X-Request-ID"))
                .hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void unknownRouteAndWrongMethodAreProblems() {
        Http.Answer missing = http.get("/no/such/route");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asText()).isEqualTo("/problems/not-found");

        Http.Answer wrongMethod = http.delete("/live/clock");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("type").asText()).isEqualTo("/problems/method-not-allowed");
        assertThat(wrongMethod.header("X-Request-ID")).isNotBlank();
    }
}
