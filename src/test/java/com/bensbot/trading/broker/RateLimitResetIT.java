package com.bensbot.trading.broker;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static com.bensbot.trading.support.BrokerStubs.asset;
import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.bensbot.trading.support.BrokerStubs.order;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker 429 that says {@code Retry-After: 1} but also that no request remains until a reset further away: the
 * retry waits for the later of the two, so the local quota (which honours the broker's reset) lets it through.
 * The last test leaves the trading API's quota held for half a minute, so it runs last.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitResetIT {
    private static final String QUOTE = "/v2/stocks/LIMITED/quotes/latest";
    private static final String ORDERS = "/v2/orders";
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("alpaca.retry.maxRetries", "3"),
            ConfigOverride.config("alpaca.retry.initialBackoff", "20ms"),
            ConfigOverride.config("alpaca.retry.maxBackoff", "4s"),
            ConfigOverride.config("alpaca.timeouts.request", "1s"),
            ConfigOverride.config("alpaca.timeouts.total", "8s"),
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

    /**
     * An epoch second 2.5 to 3.5 seconds from now: well after a Retry-After of one second, so that a retry after
     * one second would find the reset still further away than the quota's 250 ms {@code maxWait}.
     */
    private static long resetInAboutThreeSeconds() {
        return (System.currentTimeMillis() + 2500) / 1000 + 1;
    }

    private static ResponseDefinitionBuilder noneRemainUntil(long resetEpochSecond) {
        return aResponse().withStatus(429)
                .withHeader("Retry-After", "1")
                .withHeader("X-Ratelimit-Limit", "200")
                .withHeader("X-Ratelimit-Remaining", "0")
                .withHeader("X-Ratelimit-Reset", Long.toString(resetEpochSecond));
    }

    @Test
    @Order(1)
    void aDataCallWaitsForTheResetAndSucceeds() {
        long reset = resetInAboutThreeSeconds();
        BROKER.stubFor(get(urlPathEqualTo(QUOTE)).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(noneRemainUntil(reset)).willSetStateTo("ok"));
        BROKER.stubFor(get(urlPathEqualTo(QUOTE)).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(okJson(latestQuote("LIMITED", "5.00", "4.99"))));

        Http.Answer answer = http.get("/live/quote/LIMITED");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("quote").get("ap").decimalValue()).isEqualByComparingTo("5.00");
        List<LoggedRequest> calls = BROKER.findAll(getRequestedFor(urlPathEqualTo(QUOTE)));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).getLoggedDate().getTime()).isGreaterThanOrEqualTo(reset * 1000);
    }

    @Test
    @Order(2)
    void anOrderWaitsForTheResetAndIsPlacedOnce() {
        BROKER.stubFor(get(urlPathMatching("/v2/assets/[A-Z]+")).willReturn(okJson(asset("AAPL", true))));
        long reset = resetInAboutThreeSeconds();
        BROKER.stubFor(post(urlPathEqualTo(ORDERS)).inScenario("order").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(noneRemainUntil(reset)).willSetStateTo("ok"));
        BROKER.stubFor(post(urlPathEqualTo(ORDERS)).inScenario("order").whenScenarioStateIs("ok")
                .willReturn(okJson(order("61e69015-8549-4bfd-b9c3-01e75843f47d", "reset-1", "AAPL", "1", "new"))));

        Http.Answer answer = http.postRaw("/trading/orders", "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\","
                + "\"type\":\"limit\",\"limit_price\":\"5\",\"time_in_force\":\"day\",\"client_order_id\":\"reset-1\"}",
                "Content-Type", "application/json");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        List<LoggedRequest> sent = BROKER.findAll(postRequestedFor(urlPathEqualTo(ORDERS)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getLoggedDate().getTime()).isGreaterThanOrEqualTo(reset * 1000);
    }

    @Test
    @Order(3)
    void aResetBeyondTheBackoffCapIsNotWaitedFor() {
        long reset = System.currentTimeMillis() / 1000 + 30;
        BROKER.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(noneRemainUntil(reset)));

        Http.Answer answer = http.get("/live/clock");

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-rate-limited");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(29L, 30L);
        BROKER.verify(1, getRequestedFor(urlPathEqualTo("/v2/clock")));
    }
}
