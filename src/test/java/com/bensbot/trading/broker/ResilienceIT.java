package com.bensbot.trading.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.http.ProblemLog;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.LogCapture;
import com.bensbot.trading.support.TestApps;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries, per-try timeouts, the total budget and the mapping of broker failures, over real HTTP against WireMock.
 * The breaker is set out of reach here (see {@link CircuitBreakerIT}).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ResilienceIT {
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("alpaca.retry.maxRetries", "3"),
            ConfigOverride.config("alpaca.retry.initialBackoff", "20ms"),
            ConfigOverride.config("alpaca.retry.maxBackoff", "2s"),
            ConfigOverride.config("alpaca.timeouts.request", "300ms"),
            ConfigOverride.config("alpaca.timeouts.total", "1500ms"),
            ConfigOverride.config("alpaca.circuitBreaker.failureThreshold", "1000"),
            ConfigOverride.config("alpaca.circuitBreaker.failureWindow", "1000"));

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

    @Test
    void retryHealsTwoServerErrors() {
        String path = quotePath("RETRY");
        BROKER.stubFor(get(urlPathEqualTo(path)).inScenario("heal").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError()).willSetStateTo("second"));
        BROKER.stubFor(get(urlPathEqualTo(path)).inScenario("heal").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("healed"));
        BROKER.stubFor(get(urlPathEqualTo(path)).inScenario("heal").whenScenarioStateIs("healed")
                .willReturn(okJson(latestQuote("RETRY", "10.00", "9.99"))));

        Http.Answer answer = http.get("/live/quote/RETRY");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("quote").get("ap").decimalValue()).isEqualByComparingTo("10.00");
        BROKER.verify(3, getRequestedFor(urlPathEqualTo(path)));
        assertThat(serviceHealth().get("apis").get("data").get("retries").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void serverErrorsAfterAllRetriesAre502() {
        BROKER.stubFor(get(urlPathEqualTo(quotePath("DOWN"))).willReturn(serverError()));

        Http.Answer answer = http.get("/live/quote/DOWN");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-unavailable");
        assertThat(answer.json().get("errorId").asText()).isNotBlank();
        BROKER.verify(4, getRequestedFor(urlPathEqualTo(quotePath("DOWN"))));
    }

    @Test
    void clientErrorsAreNotRetriedAndPassThrough() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/bars")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":42210000,\"message\":\"invalid start: must be before end\"}")));

        Http.Answer answer = http.get("/live/bars/AAPL?start=2026-01-01");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-rejected");
        assertThat(answer.json().get("detail").asText()).isEqualTo("invalid start: must be before end");
        BROKER.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/AAPL/bars")));
    }

    @Test
    void rateLimitWaitsForRetryAfterThenSucceeds() {
        String path = quotePath("LIMITED");
        BROKER.stubFor(get(urlPathEqualTo(path)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        BROKER.stubFor(get(urlPathEqualTo(path)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(latestQuote("LIMITED", "5.00", "4.99"))));

        long started = System.nanoTime();
        Http.Answer answer = http.get("/live/quote/LIMITED");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).isEqualTo(200);
        BROKER.verify(2, getRequestedFor(urlPathEqualTo(path)));
        // The retry must not come before the broker's Retry-After of one second.
        var requests = BROKER.findAll(getRequestedFor(urlPathEqualTo(path)));
        long gapMs = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(gapMs).isGreaterThanOrEqualTo(950);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(950);
    }

    @Test
    void rateLimitBeyondTheBackoffCapFailsAt503WithRetryAfter() {
        BROKER.stubFor(get(urlPathEqualTo(quotePath("SLOWDOWN")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        Http.Answer answer = http.get("/live/quote/SLOWDOWN");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-rate-limited");
        assertThat(answer.header("Retry-After")).isEqualTo("30");
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(quotePath("SLOWDOWN"))));
    }

    @Test
    void hangingBrokerTimesOutWithin504AndTheBudget() {
        BROKER.stubFor(get(urlPathEqualTo(quotePath("HANG")))
                .willReturn(okJson(latestQuote("HANG", "1.00", "0.99")).withFixedDelay(5000)));

        long started = System.nanoTime();
        Http.Answer answer = http.get("/live/quote/HANG");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-timeout");
        // Bounded by the total budget (1.5 s), far below the 5 s the broker would take.
        assertThat(elapsedMs).isLessThan(4000);
    }

    @Test
    void slowDribblingBodyIsBoundedByThePerTryTimeout() {
        BROKER.stubFor(get(urlPathEqualTo(quotePath("DRIP")))
                .willReturn(okJson(latestQuote("DRIP", "1.00", "0.99")).withChunkedDribbleDelay(20, 4000)));

        long started = System.nanoTime();
        Http.Answer answer = http.get("/live/quote/DRIP");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).isEqualTo(504);
        assertThat(elapsedMs).isLessThan(4000);
    }

    @Test
    void connectionResetIsRetriedThen502() {
        BROKER.stubFor(get(urlPathEqualTo(quotePath("RESET")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Http.Answer answer = http.get("/live/quote/RESET");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-unavailable");
        BROKER.verify(4, getRequestedFor(urlPathEqualTo(quotePath("RESET"))));
    }

    @Test
    void garbageFromTheBrokerIs502AndNeverAStackTrace() {
        BROKER.stubFor(get(urlPathEqualTo(quotePath("JUNK")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"symbol\":\"JUNK\",\"quote\":{\"ap\":")));
        BROKER.stubFor(get(urlPathEqualTo(quotePath("RANDOM")))
                .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        BROKER.stubFor(get(urlPathEqualTo(quotePath("CHUNK")))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        BROKER.stubFor(get(urlPathEqualTo(quotePath("EMPTY")))
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        for (String symbol : new String[]{"JUNK", "RANDOM", "CHUNK", "EMPTY"}) {
            Http.Answer answer = http.get("/live/quote/" + symbol);
            assertThat(answer.status()).as(symbol).isEqualTo(502);
            assertThat(answer.header("Content-Type")).as(symbol).startsWith("application/problem+json");
            assertThat(answer.body()).as(symbol).doesNotContain("Exception").doesNotContain("\tat ");
        }
        // An unparsable 2xx is not retried: the broker did answer.
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(quotePath("JUNK"))));
    }

    @Test
    void refusedCredentialsAre502BrokerAuthFailed() {
        BROKER.stubFor(get(urlPathEqualTo(quotePath("KEYS"))).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":40110000,\"message\":\"request is not authorized\"}")));

        Http.Answer answer;
        List<ILoggingEvent> problemLines;
        try (LogCapture log = LogCapture.of(ProblemLog.class)) {
            answer = http.get("/live/quote/KEYS", "X-Request-ID", "keys-refused.1");
            problemLines = log.events();
        }

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-auth-failed");
        assertThat(answer.body()).doesNotContain("test-secret-key");
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(quotePath("KEYS"))));
        // An operator must act: one ERROR line with the error ID, no stack trace, no secret.
        assertThat(problemLines).hasSize(1);
        ILoggingEvent line = problemLines.get(0);
        assertThat(line.getLevel()).isEqualTo(Level.ERROR);
        assertThat(line.getThrowableProxy()).isNull();
        assertThat(line.getFormattedMessage()).contains("502").contains("/problems/broker-auth-failed")
                .contains(answer.json().get("errorId").asText()).doesNotContain("test-secret-key");
        assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "keys-refused.1");
    }

    private com.fasterxml.jackson.databind.JsonNode serviceHealth() {
        return http.get("/live/service-health").json();
    }
}
