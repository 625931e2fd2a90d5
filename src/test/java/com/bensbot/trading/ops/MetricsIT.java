package com.bensbot.trading.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.http.TimingFilter;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.LogCapture;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.regex.Pattern;

import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /metrics*}, {@code Server-Timing} and slow-request logs over real HTTP, the broker played by WireMock. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsIT {
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("monitoring.slowRequestThreshold", "100ms"),
            ConfigOverride.config("monitoring.verySlowRequestThreshold", "400ms"),
            ConfigOverride.config("alpaca.retry.maxRetries", "1"),
            ConfigOverride.config("alpaca.retry.initialBackoff", "5ms"),
            ConfigOverride.config("alpaca.circuitBreaker.failureThreshold", "1000"),
            ConfigOverride.config("alpaca.circuitBreaker.failureWindow", "1000"));
    private static final Pattern SERVER_TIMING = Pattern.compile("app;dur=\\d+\\.\\d");

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

    private static String quotePath(String symbol) {
        return "/v2/stocks/" + symbol + "/quotes/latest";
    }

    private void stubQuote(String symbol) {
        BROKER.stubFor(get(urlPathEqualTo(quotePath(symbol))).willReturn(okJson(latestQuote(symbol, "10.00", "9.99"))));
    }

    private static long count(JsonNode metrics, String route, String field) {
        JsonNode endpoint = metrics.get("endpoints").get(route);
        return endpoint == null ? 0 : endpoint.get(field).asLong();
    }

    @Test
    void metricsCountRequestsPerRouteTemplate() {
        stubQuote("CNTA");
        stubQuote("CNTB");
        JsonNode before = http.get("/metrics").json();

        assertThat(http.get("/live/quote/CNTA").status()).isEqualTo(200);
        assertThat(http.get("/live/quote/CNTB").status()).isEqualTo(200);
        assertThat(http.get("/no/such/route").status()).isEqualTo(404);

        JsonNode after = http.get("/metrics").json();
        assertThat(after.get("enabled").asBoolean()).isTrue();
        assertThat(after.get("uptimeSeconds").isIntegralNumber()).isTrue();
        assertThat(count(after, "GET /live/quote/{symbol}", "count") - count(before, "GET /live/quote/{symbol}", "count"))
                .isEqualTo(2);
        assertThat(count(after, "GET <unmatched>", "count") - count(before, "GET <unmatched>", "count")).isEqualTo(1);
        JsonNode quote = after.get("endpoints").get("GET /live/quote/{symbol}");
        for (String field : List.of("count", "errors", "p50Ms", "p95Ms", "p99Ms", "slow", "verySlow")) {
            assertThat(quote.get(field).isIntegralNumber()).as(field).isTrue();
        }
        assertThat(after.get("endpoints").fieldNames()).toIterable()
                .noneMatch(key -> key.contains("CNTA") || key.contains("/no/such"));
        assertThat(after.get("rateLimit").get("refusals").get("trading").asLong()).isZero();
        assertThat(after.get("rateLimit").get("alerts").asLong()).isZero();
    }

    @Test
    void errorsCountServerErrorsOnly() {
        BROKER.stubFor(get(urlPathEqualTo(quotePath("ERRS"))).willReturn(serverError()));
        JsonNode before = http.get("/metrics").json();

        assertThat(http.get("/live/quote/ERRS").status()).isEqualTo(502);
        assertThat(http.get("/live/quote/bad!symbol").status()).isEqualTo(400);

        JsonNode after = http.get("/metrics").json();
        String route = "GET /live/quote/{symbol}";
        assertThat(count(after, route, "count") - count(before, route, "count")).isEqualTo(2);
        assertThat(count(after, route, "errors") - count(before, route, "errors")).isEqualTo(1);
    }

    @Test
    void liveDataMetricsShowLiveRoutesAndTheCache() {
        stubQuote("LIVE");
        http.get("/live/quote/LIVE");
        http.get("/live/quote/LIVE");
        http.get("/health");

        JsonNode live = http.get("/metrics/live-data").json();
        assertThat(live.get("endpoints").has("GET /live/quote/{symbol}")).isTrue();
        assertThat(live.get("endpoints").has("GET /health")).isFalse();
        JsonNode cache = live.get("cache");
        assertThat(cache.get("hits").asLong()).isPositive();
        assertThat(cache.get("misses").asLong()).isPositive();
        assertThat(cache.has("stale")).isTrue();
        assertThat(cache.get("hitRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(cache.get("size").asLong()).isPositive();
    }

    @Test
    void alpacaMetricsShowBrokerCallsBreakersAndQuota() {
        stubQuote("ALPC");
        BROKER.stubFor(get(urlPathEqualTo(quotePath("ALPX"))).willReturn(aResponse().withStatus(503)));
        http.get("/live/quote/ALPC");
        http.get("/live/quote/ALPX");

        JsonNode alpaca = http.get("/metrics/alpaca").json();
        JsonNode calls = alpaca.get("calls").get("GET /v2/stocks/{symbol}/quotes/latest");
        assertThat(calls.get("200").asLong()).isPositive();
        assertThat(calls.get("503").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(alpaca.get("retries").asLong()).isPositive();
        assertThat(alpaca.get("failures").asLong()).isPositive();
        assertThat(alpaca.get("circuitBreakers").get("data").get("state").asText()).isEqualTo("CLOSED");
        assertThat(alpaca.get("circuitBreakers").get("trading").get("transitions").isArray()).isTrue();
        assertThat(alpaca.get("cache").has("hitRate")).isTrue();
        for (String api : List.of("trading", "data")) {
            assertThat(alpaca.get("quota").get(api).get("used").isIntegralNumber()).isTrue();
            assertThat(alpaca.get("quota").get(api).get("remaining").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void everyResponseCarriesServerTiming() {
        stubQuote("TIME");
        BROKER.stubFor(get(urlPathEqualTo(quotePath("DOWN"))).willReturn(serverError()));

        List<Http.Answer> answers = List.of(
                http.get("/live/quote/TIME"),
                http.get("/no/such/route"),
                http.get("/live/quote/bad!symbol"),
                http.get("/live/quote/DOWN"),
                http.post("/live/reset-circuit-breaker", null),
                http.post("/health", null),
                http.send("HEAD", "/health"));

        assertThat(answers).extracting(Http.Answer::status).containsExactly(200, 404, 400, 502, 401, 405, 200);
        for (Http.Answer answer : answers) {
            assertThat(answer.header("Server-Timing")).as("status " + answer.status()).matches(SERVER_TIMING);
        }
    }

    @Test
    void slowRequestsAreLoggedWithRouteStatusDurationAndRequestId() throws InterruptedException {
        BROKER.stubFor(get(urlPathEqualTo(quotePath("SLOW")))
                .willReturn(okJson(latestQuote("SLOW", "1.00", "0.99")).withFixedDelay(150)));
        BROKER.stubFor(get(urlPathEqualTo(quotePath("SLOWER")))
                .willReturn(okJson(latestQuote("SLOWER", "1.00", "0.99")).withFixedDelay(500)));
        try (LogCapture log = LogCapture.of(TimingFilter.class)) {
            assertThat(http.get("/live/quote/SLOW", "X-Request-ID", "slow-req-1").status()).isEqualTo(200);
            assertThat(http.get("/live/quote/SLOWER", "X-Request-ID", "slow-req-2").status()).isEqualTo(200);

            ILoggingEvent warn = only(log, "slow-req-1");
            assertThat(warn.getLevel()).isEqualTo(Level.WARN);
            assertThat(warn.getFormattedMessage()).contains("method=GET", "route=/live/quote/{symbol}", "status=200",
                    "durationMs=", "requestId=slow-req-1");
            assertThat(warn.getMDCPropertyMap()).containsEntry("requestId", "slow-req-1");
            ILoggingEvent error = only(log, "slow-req-2");
            assertThat(error.getLevel()).isEqualTo(Level.ERROR);
            assertThat(error.getFormattedMessage()).contains("Very slow request", "route=/live/quote/{symbol}");
        }
        JsonNode quote = http.get("/metrics").json().get("endpoints").get("GET /live/quote/{symbol}");
        assertThat(quote.get("slow").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(quote.get("verySlow").asLong()).isGreaterThanOrEqualTo(1);
    }

    /**
     * The one event naming {@code requestId}. The filter logs after the response has been written, so the client
     * may read the answer before the line exists: wait for it a little.
     */
    private static ILoggingEvent only(LogCapture log, String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        List<ILoggingEvent> matching = matching(log, requestId);
        while (matching.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            matching = matching(log, requestId);
        }
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static List<ILoggingEvent> matching(LogCapture log, String requestId) {
        return log.events().stream()
                .filter(event -> event.getFormattedMessage().contains("requestId=" + requestId))
                .toList();
    }
}
