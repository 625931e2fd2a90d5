package com.bensbot.trading.broker;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.BrokerStubs;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.codahale.metrics.Gauge;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** The broker quota (CONTRACT §5) stops the gateway before the broker would answer 429. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrokerQuotaIT {
    private static final String BARS = "/v2/stocks/[A-Z]+/bars";
    private static final String BARS_BODY = "{\"bars\":[],\"symbol\":\"AAPL\",\"next_page_token\":null}";
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("alpaca.quota.data.limit", "3"),
            ConfigOverride.config("alpaca.quota.instances", "1"),
            ConfigOverride.config("alpaca.quota.maxWait", "0ms"));

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

    private static Object gauge(String name) {
        Gauge<?> gauge = APP.getEnvironment().metrics().getGauges().get(name);
        return gauge.getValue();
    }

    @Test
    void localQuotaRefusesTheCallTheBrokerWouldHaveRefused() {
        // Alpaca's side of the story: three requests left, then 429.
        BROKER.stubFor(get(urlPathMatching(BARS)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(BARS_BODY)).willSetStateTo("1"));
        BROKER.stubFor(get(urlPathMatching(BARS)).inScenario("limit").whenScenarioStateIs("1")
                .willReturn(okJson(BARS_BODY)).willSetStateTo("2"));
        BROKER.stubFor(get(urlPathMatching(BARS)).inScenario("limit").whenScenarioStateIs("2")
                .willReturn(okJson(BARS_BODY)).willSetStateTo("spent"));
        BROKER.stubFor(get(urlPathMatching(BARS)).inScenario("limit").whenScenarioStateIs("spent")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

        for (String symbol : new String[]{"AAPL", "MSFT", "SPY"}) {
            assertThat(http.get("/live/bars/" + symbol).status()).as(symbol).isEqualTo(200);
        }
        Http.Answer refused = http.get("/live/bars/QQQ");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/broker-quota-exhausted");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 20L);
        BROKER.verify(3, getRequestedFor(urlPathMatching(BARS)));
        assertThat(gauge("bensbot.broker.data.quota.used")).isEqualTo(3L);
        assertThat(gauge("bensbot.broker.data.quota.remaining")).isEqualTo(0L);
        JsonNode quota = http.get("/live/service-health").json().get("apis").get("data").get("quota");
        assertThat(quota.get("limit").asLong()).isEqualTo(3);
        assertThat(quota.get("used").asLong()).isEqualTo(3);
        assertThat(quota.get("remaining").asLong()).isZero();
    }

    @Test
    void brokerSayingNoneRemainStopsCallsUntilItsReset() {
        long reset = System.currentTimeMillis() / 1000 + 30;
        BROKER.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(okJson(BrokerStubs.clock())
                .withHeader("X-Ratelimit-Limit", "200")
                .withHeader("X-Ratelimit-Remaining", "0")
                .withHeader("X-Ratelimit-Reset", Long.toString(reset))));

        assertThat(http.get("/live/clock").status()).isEqualTo(200);
        Http.Answer refused = http.get("/live/clock");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/broker-quota-exhausted");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(25L, 31L);
        BROKER.verify(1, getRequestedFor(urlPathEqualTo("/v2/clock")));
        assertThat(gauge("bensbot.broker.trading.quota.remaining")).isEqualTo(0L);
    }
}
