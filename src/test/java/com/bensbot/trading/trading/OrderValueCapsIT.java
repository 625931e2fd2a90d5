package com.bensbot.trading.trading;

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

import java.util.List;

import static com.bensbot.trading.support.BrokerStubs.asset;
import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.bensbot.trading.support.BrokerStubs.order;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-order and daily caps bind on what an order can cost or yield at the market, whatever its type and side:
 * a marketable order with a token price of its own is valued at the market (ask 100, bid 99.98), over real HTTP
 * against a broker double, and a refused order never reaches the broker.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OrderValueCapsIT {
    private static final String ORDERS = "/v2/orders";
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("trading.maxOrderValueUsd", "1000"),
            ConfigOverride.config("trading.maxDailyNotionalUsd", "2500"),
            ConfigOverride.config("alpaca.circuitBreaker.failureThreshold", "1000"),
            ConfigOverride.config("alpaca.circuitBreaker.failureWindow", "1000"));
    /** Every type and side that can fill at the market, i.e. all but a buy limit. */
    private static final List<String[]> MARKETABLE = List.of(
            new String[]{"buy", "market"}, new String[]{"sell", "market"},
            new String[]{"sell", "limit"},
            new String[]{"buy", "stop"}, new String[]{"sell", "stop"},
            new String[]{"buy", "stop_limit"}, new String[]{"sell", "stop_limit"});

    private Http http;

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @BeforeEach
    void setUp() {
        BROKER.resetAll();
        http = Http.localhost(APP.getLocalPort());
        BROKER.stubFor(get(urlPathMatching("/v2/assets/[A-Z]+")).willReturn(okJson(asset("AAPL", true))));
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/quotes/latest"))
                .willReturn(okJson(latestQuote("AAPL", "100.00", "99.98"))));
        BROKER.stubFor(post(urlPathEqualTo(ORDERS))
                .willReturn(okJson(order("61e69015-8549-4bfd-b9c3-01e75843f47d", "cap-1", "AAPL", "9", "new"))));
    }

    private Http.Answer submit(String body) {
        return http.postRaw("/trading/orders", body, "Content-Type", "application/json");
    }

    /** An order for AAPL with its type's own prices (limit and/or stop) at {@code ownPrice}. */
    private static String orderBody(String symbol, String side, String type, String qty, String ownPrice) {
        StringBuilder body = new StringBuilder("{\"symbol\":\"").append(symbol).append("\",\"qty\":\"").append(qty)
                .append("\",\"side\":\"").append(side).append("\",\"type\":\"").append(type)
                .append("\",\"time_in_force\":\"day\"");
        if (type.endsWith("limit")) {
            body.append(",\"limit_price\":\"").append(ownPrice).append('"');
        }
        if (type.startsWith("stop")) {
            body.append(",\"stop_price\":\"").append(ownPrice).append('"');
        }
        return body.append('}').toString();
    }

    private int brokerSubmissions() {
        return BROKER.findAll(postRequestedFor(urlPathEqualTo(ORDERS))).size();
    }

    private static void assertProblem(Http.Answer answer, int status, String type, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.json().get("type").asText()).as(what).isEqualTo("/problems/" + type);
    }

    @Test
    void pennyPricedBuyStopAndSellLimitAreValuedAtTheMarketAndRefused() {
        Http.Answer buyStop = submit(orderBody("AAPL", "buy", "stop", "90000", "0.01"));
        Http.Answer sellLimit = submit(orderBody("AAPL", "sell", "limit", "90000", "0.01"));

        assertProblem(buyStop, 422, "order-value-exceeded", "buy stop");
        assertThat(buyStop.json().get("detail").asText()).contains("9000000.00 USD");
        assertProblem(sellLimit, 422, "order-value-exceeded", "sell limit");
        assertThat(sellLimit.json().get("detail").asText()).contains("8998200.00 USD");
        assertThat(brokerSubmissions()).isZero();
    }

    @Test
    void theOrderValueCapBindsForEveryTypeAndSide() {
        // 11 shares at an own price of 1 would be 11 USD; at the market they are about 1100, above the 1000 cap.
        for (String[] kind : MARKETABLE) {
            String what = kind[0] + " " + kind[1];
            assertProblem(submit(orderBody("AAPL", kind[0], kind[1], "11", "1")), 422, "order-value-exceeded", what);
        }
        // A buy limit cannot fill above its limit: 11 × 1 fits.
        assertThat(submit(orderBody("AAPL", "buy", "limit", "11", "1")).status()).isEqualTo(201);
        assertThat(brokerSubmissions()).isEqualTo(1);
    }

    @Test
    void theDailyCapBindsForEveryTypeAndSide() {
        assertThat(submit(orderBody("AAPL", "buy", "limit", "9", "100")).status()).isEqualTo(201);
        assertThat(submit(orderBody("AAPL", "buy", "limit", "9", "100")).status()).isEqualTo(201);

        // 1800 of 2500 taken (plus at most 16 from the other tests); 9 shares at the market are about 900 more.
        for (String[] kind : MARKETABLE) {
            String what = kind[0] + " " + kind[1];
            assertProblem(submit(orderBody("AAPL", kind[0], kind[1], "9", "1")), 422, "daily-limit-exceeded", what);
        }
        assertThat(brokerSubmissions()).isEqualTo(2);
    }

    @Test
    void aSellLimitWithoutAFreshMarketPriceIsRefusedButABuyLimitNeedsNone() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/NOPX/quotes/latest")).willReturn(notFound()));
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/NOPX/trades/latest")).willReturn(notFound()));

        assertProblem(submit(orderBody("NOPX", "sell", "limit", "1", "5")), 503, "price-unavailable", "sell limit");
        assertProblem(submit(orderBody("NOPX", "buy", "stop", "1", "5")), 503, "price-unavailable", "buy stop");
        assertThat(brokerSubmissions()).isZero();

        assertThat(submit(orderBody("NOPX", "buy", "limit", "1", "5")).status()).isEqualTo(201);
        assertThat(brokerSubmissions()).isEqualTo(1);
    }
}
