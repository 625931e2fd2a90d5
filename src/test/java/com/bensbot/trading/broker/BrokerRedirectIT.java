package com.bensbot.trading.broker;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.bensbot.trading.support.BrokerStubs.asset;
import static com.bensbot.trading.support.BrokerStubs.clock;
import static com.bensbot.trading.support.BrokerStubs.order;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker answer that is neither 2xx, 4xx nor 5xx (a redirect) is never passed to the client and never followed:
 * it is 502 {@code broker-unavailable}, a breaker failure and a health failure; to an order submission it is an
 * unknown outcome, looked up before any resend. The breaker opens after two failures here.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrokerRedirectIT {
    private static final String BARS = "/v2/stocks/AAPL/bars";
    private static final String ORDERS = "/v2/orders";
    private static final String BY_CLIENT_ID = "/v2/orders:by_client_order_id";
    private static final String MOVED = "/v2/moved";
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("alpaca.retry.maxRetries", "0"),
            ConfigOverride.config("alpaca.circuitBreaker.failureThreshold", "2"),
            ConfigOverride.config("alpaca.circuitBreaker.failureWindow", "10"),
            ConfigOverride.config("alpaca.circuitBreaker.openDuration", "30s"));

    private Http http;

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @BeforeEach
    void setUp() {
        BROKER.resetAll();
        http = Http.localhost(APP.getLocalPort());
        assertThat(http.post("/live/reset-circuit-breaker", null, "X-Admin-Token", TestApps.ADMIN_TOKEN).status())
                .isEqualTo(200);
        // Where every redirect points: a good answer the gateway must not fetch.
        BROKER.stubFor(any(urlPathEqualTo(MOVED)).willReturn(okJson("{\"bars\":[],\"symbol\":\"AAPL\"}")));
        BROKER.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(okJson(clock())));
    }

    private static ResponseDefinitionBuilder redirect(int status) {
        return aResponse().withStatus(status).withHeader("Location", BROKER.baseUrl() + MOVED);
    }

    private void assertBrokerUnavailable(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(502);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-unavailable");
        assertThat(answer.header("Location")).isNull();
    }

    private void assertConnected(boolean connected) {
        Http.Answer health = http.get("/live/health");
        assertThat(health.json().get("connected").asBoolean()).isEqualTo(connected);
        assertThat(health.status()).isEqualTo(connected ? 200 : 503);
    }

    private Http.Answer submit(String clientOrderId) {
        return http.postRaw("/trading/orders", "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"limit_price\":\"1\",\"time_in_force\":\"day\",\"client_order_id\":\"" + clientOrderId + "\"}",
                "Content-Type", "application/json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 304, 307})
    void aRedirectOnADataRouteIs502AndABreakerAndHealthFailure(int status) {
        BROKER.stubFor(get(urlPathEqualTo(BARS)).willReturn(redirect(status)));
        assertThat(http.get("/live/clock").status()).isEqualTo(200);
        assertConnected(true);

        assertBrokerUnavailable(http.get("/live/bars/AAPL"));
        assertConnected(false);
        assertBrokerUnavailable(http.get("/live/bars/AAPL"));

        // The two redirects were breaker failures: the breaker is open now.
        Http.Answer failFast = http.get("/live/bars/AAPL");
        assertThat(failFast.status()).isEqualTo(503);
        assertThat(failFast.json().get("type").asText()).isEqualTo("/problems/circuit-open");
        BROKER.verify(2, getRequestedFor(urlPathEqualTo(BARS)));
        BROKER.verify(0, anyRequestedFor(urlPathEqualTo(MOVED)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 304, 307})
    void aRedirectOnATradingRouteIs502(int status) {
        BROKER.stubFor(get(urlPathEqualTo("/v2/account")).willReturn(redirect(status)));

        assertBrokerUnavailable(http.get("/trading/account"));
        assertConnected(false);
        BROKER.verify(0, anyRequestedFor(urlPathEqualTo(MOVED)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 304, 307})
    void aRedirectToAnOrderIsAnUnknownOutcomeLookedUpAndABreakerFailure(int status) {
        BROKER.stubFor(get(urlPathMatching("/v2/assets/[A-Z]+")).willReturn(okJson(asset("AAPL", true))));
        BROKER.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(redirect(status)));
        BROKER.stubFor(post(urlPathEqualTo(MOVED))
                .willReturn(okJson(order("61e69015-8549-4bfd-b9c3-01e75843f47d", "x", "AAPL", "1", "new"))));
        BROKER.stubFor(get(urlPathEqualTo(BY_CLIENT_ID)).willReturn(notFound()
                .withBody("{\"code\":40410000,\"message\":\"order not found\"}")));

        // As after a 5xx: the broker is asked for the order, finds none, and the outcome stays unknown (CONTRACT §5).
        for (int i = 1; i <= 2; i++) {
            Http.Answer answer = submit("moved-" + status + "-" + i);
            assertThat(answer.status()).as(answer.body()).isEqualTo(504);
            assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-timeout");
        }
        BROKER.verify(1, getRequestedFor(urlPathEqualTo(BY_CLIENT_ID)));

        // The two redirects were breaker failures: the next order fails fast without reaching the broker.
        Http.Answer failFast = submit("moved-" + status + "-3");
        assertThat(failFast.status()).as(failFast.body()).isEqualTo(503);
        assertThat(failFast.json().get("type").asText()).isEqualTo("/problems/circuit-open");
        BROKER.verify(2, postRequestedFor(urlPathEqualTo(ORDERS)));
        BROKER.verify(0, anyRequestedFor(urlPathEqualTo(MOVED)));
    }
}
