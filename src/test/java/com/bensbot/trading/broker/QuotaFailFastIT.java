package com.bensbot.trading.broker;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.codahale.metrics.Gauge;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** One quota token per attempt that reaches the broker: retries pay, calls refused by an open breaker do not. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QuotaFailFastIT {
    private static final String BARS = "/v2/stocks/AAPL/bars";
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("alpaca.quota.data.limit", "10"),
            ConfigOverride.config("alpaca.quota.instances", "1"),
            ConfigOverride.config("alpaca.quota.maxWait", "0ms"),
            ConfigOverride.config("alpaca.retry.maxRetries", "1"),
            ConfigOverride.config("alpaca.circuitBreaker.failureThreshold", "2"),
            ConfigOverride.config("alpaca.circuitBreaker.failureWindow", "2"),
            ConfigOverride.config("alpaca.circuitBreaker.openDuration", "1m"));

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Test
    void retriesPayAndFailFastCallsAreFree() {
        Http http = Http.localhost(APP.getLocalPort());
        BROKER.stubFor(get(urlPathEqualTo(BARS)).willReturn(serverError()));

        assertThat(http.get("/live/bars/AAPL").status()).isEqualTo(502);
        for (int i = 0; i < 5; i++) {
            Http.Answer failFast = http.get("/live/bars/AAPL");
            assertThat(failFast.status()).isEqualTo(503);
            assertThat(failFast.json().get("type").asText()).isEqualTo("/problems/circuit-open");
        }

        BROKER.verify(2, getRequestedFor(urlPathEqualTo(BARS)));
        Gauge<?> used = APP.getEnvironment().metrics().getGauges().get("bensbot.broker.data.quota.used");
        assertThat(used.getValue()).isEqualTo(2L);
    }
}
