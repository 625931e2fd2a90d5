package com.bensbot.trading.broker;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.bensbot.trading.support.BrokerStubs.quoteFields;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Cache lifetime and stale-if-error with a short TTL. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CacheExpiryIT {
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("alpaca.priceCacheTtl", "300ms"),
            ConfigOverride.config("alpaca.retry.maxRetries", "1"),
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

    @Test
    void entriesExpireAfterTheTtl() throws InterruptedException {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/GE/quotes/latest"))
                .willReturn(okJson(latestQuote("GE", "170.00", "169.90"))));

        assertThat(http.get("/live/quote/GE").header("X-Cache")).isEqualTo("MISS");
        assertThat(http.get("/live/quote/GE").header("X-Cache")).isEqualTo("HIT");
        Thread.sleep(450);
        assertThat(http.get("/live/quote/GE").header("X-Cache")).isEqualTo("MISS");

        BROKER.verify(2, getRequestedFor(urlPathEqualTo("/v2/stocks/GE/quotes/latest")));
    }

    @Test
    void lastGoodValueIsServedStaleWhileTheBrokerFails() throws InterruptedException {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/KO/quotes/latest"))
                .willReturn(okJson(latestQuote("KO", "60.00", "59.99"))));
        assertThat(http.get("/live/quote/KO").status()).isEqualTo(200);
        Thread.sleep(450);
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/KO/quotes/latest")).willReturn(serverError()));

        Http.Answer stale = http.get("/live/quote/KO");

        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.header("X-Cache")).isEqualTo("STALE");
        assertThat(stale.json().get("stale").asBoolean()).isTrue();
        assertThat(stale.json().get("quote").get("ap").decimalValue()).isEqualByComparingTo("60.00");
    }

    @Test
    void batchServesStaleSymbolsAndNamesThem() throws InterruptedException {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/quotes/latest")).willReturn(okJson(
                "{\"quotes\":{\"PEP\":" + quoteFields("170.00", "169.95") + ",\"MCD\":" + quoteFields("290.00", "289.90")
                        + "}}")));
        assertThat(http.get("/live/quotes?symbols=PEP,MCD").status()).isEqualTo(200);
        Thread.sleep(450);
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/quotes/latest")).willReturn(serverError()));

        Http.Answer answer = http.get("/live/quotes?symbols=PEP,MCD");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Cache")).isEqualTo("STALE");
        assertThat(answer.json().get("stale").toString()).contains("PEP").contains("MCD");
        assertThat(answer.json().get("quotes").has("PEP")).isTrue();
    }

    @Test
    void withoutALastGoodValueTheFailureIsReported() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/NEVER/quotes/latest")).willReturn(serverError()));

        Http.Answer answer = http.get("/live/quote/NEVER");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-unavailable");
    }
}
