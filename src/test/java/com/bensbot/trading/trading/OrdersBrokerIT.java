package com.bensbot.trading.trading;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
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

import static com.bensbot.trading.support.BrokerStubs.asset;
import static com.bensbot.trading.support.BrokerStubs.latestQuote;
import static com.bensbot.trading.support.BrokerStubs.order;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Orders against a broker double: lost answers, broker refusals, bad input that must never reach the broker. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OrdersBrokerIT {
    private static final String ORDERS = "/v2/orders";
    private static final String BY_CLIENT_ID = "/v2/orders:by_client_order_id";
    private static final String ORDER_ID = "61e69015-8549-4bfd-b9c3-01e75843f47d";
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("alpaca.timeouts.request", "500ms"),
            ConfigOverride.config("alpaca.timeouts.total", "4s"),
            ConfigOverride.config("alpaca.retry.initialBackoff", "10ms"),
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
        BROKER.stubFor(get(urlPathMatching("/v2/assets/[A-Z]+")).willReturn(okJson(asset("AAPL", true))));
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/quotes/latest"))
                .willReturn(okJson(latestQuote("AAPL", "100.00", "99.98"))));
    }

    private Http.Answer submit(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.postRaw("/trading/orders", body, all);
    }

    private static String buy(String clientOrderId) {
        return "{\"symbol\":\"AAPL\",\"qty\":\"2\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\""
                + (clientOrderId == null ? "" : ",\"client_order_id\":\"" + clientOrderId + "\"") + "}";
    }

    private int brokerSubmissions() {
        return BROKER.findAll(postRequestedFor(urlPathEqualTo(ORDERS))).size();
    }

    @Test
    void acceptedOrderCarriesAClientOrderIdAndPassesThrough() {
        BROKER.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(okJson(order(ORDER_ID, "c-1", "AAPL", "2", "new"))));

        Http.Answer answer = submit(buy("c-1"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("id").asText()).isEqualTo(ORDER_ID);
        BROKER.verify(1, postRequestedFor(urlPathEqualTo(ORDERS))
                .withRequestBody(matchingJsonPath("$.client_order_id", equalTo("c-1")))
                .withRequestBody(matchingJsonPath("$.qty", equalTo("2")))
                .withHeader("APCA-API-KEY-ID", equalTo("test-key-id")));
    }

    @Test
    void lostAnswerIsFoundByLookupAndNeverResent() {
        BROKER.stubFor(post(urlPathEqualTo(ORDERS))
                .willReturn(okJson(order(ORDER_ID, "lost-1", "AAPL", "2", "new")).withFixedDelay(1500)));
        BROKER.stubFor(get(urlPathEqualTo(BY_CLIENT_ID)).withQueryParam("client_order_id", equalTo("lost-1"))
                .willReturn(okJson(order(ORDER_ID, "lost-1", "AAPL", "2", "new"))));

        Http.Answer first = submit(buy("lost-1"));
        Http.Answer repeat = submit(buy("lost-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("id").asText()).isEqualTo(ORDER_ID);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(brokerSubmissions()).isEqualTo(1);
    }

    @Test
    void unresolvedOrderIs504AndARepeatResolvesItByLookup() {
        BROKER.stubFor(post(urlPathEqualTo(ORDERS))
                .willReturn(okJson(order(ORDER_ID, "lost-2", "AAPL", "2", "new")).withFixedDelay(1500)));
        BROKER.stubFor(get(urlPathEqualTo(BY_CLIENT_ID)).willReturn(serverError()));

        Http.Answer first = submit(buy("lost-2"));
        assertThat(first.status()).isEqualTo(504);
        assertThat(first.json().get("type").asText()).isEqualTo("/problems/broker-timeout");

        BROKER.stubFor(get(urlPathEqualTo(BY_CLIENT_ID)).withQueryParam("client_order_id", equalTo("lost-2"))
                .willReturn(okJson(order(ORDER_ID, "lost-2", "AAPL", "2", "new"))));
        Http.Answer repeat = submit(buy("lost-2"));

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("id").asText()).isEqualTo(ORDER_ID);
        assertThat(brokerSubmissions()).isEqualTo(1);
    }

    @Test
    void resetBeforeTheBrokerHadItIsResentAfterALookup() {
        BROKER.stubFor(post(urlPathEqualTo(ORDERS)).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        BROKER.stubFor(post(urlPathEqualTo(ORDERS)).inScenario("reset").whenScenarioStateIs("up")
                .willReturn(okJson(order(ORDER_ID, "reset-1", "AAPL", "2", "new"))));
        BROKER.stubFor(get(urlPathEqualTo(BY_CLIENT_ID)).willReturn(notFound()
                .withBody("{\"code\":40410000,\"message\":\"order not found\"}")));

        Http.Answer answer = submit(buy("reset-1"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(brokerSubmissions()).isEqualTo(2);
        assertThat(BROKER.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo(BY_CLIENT_ID)))).hasSize(1);
    }

    @Test
    void duplicateClientOrderIdAtTheBrokerMeansTheOrderExists() {
        BROKER.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(422)
                .withBody("{\"code\":40010001,\"message\":\"client_order_id must be unique\"}")));
        BROKER.stubFor(get(urlPathEqualTo(BY_CLIENT_ID)).willReturn(okJson(order(ORDER_ID, "dup-1", "AAPL", "2",
                "filled"))));

        Http.Answer answer = submit(buy("dup-1"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("status").asText()).isEqualTo("filled");
    }

    @Test
    void brokerRefusalsPassThroughWithTheBrokersMessage() {
        BROKER.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(403)
                .withBody("{\"code\":40310000,\"message\":\"insufficient buying power\"}")));

        Http.Answer answer = submit(buy("poor-1"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/broker-rejected");
        assertThat(answer.json().get("detail").asText()).isEqualTo("insufficient buying power");
        assertThat(brokerSubmissions()).isEqualTo(1);
    }

    @Test
    void withoutAUsablePriceTheOrderIs503PriceUnavailable() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/NOPX/quotes/latest")).willReturn(notFound()));
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/NOPX/trades/latest")).willReturn(notFound()));

        Http.Answer answer = submit("{\"symbol\":\"NOPX\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"market\","
                + "\"time_in_force\":\"day\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/price-unavailable");
        assertThat(brokerSubmissions()).isZero();
    }

    @Test
    void untradableAssetIsRefused() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/assets/HALTD")).willReturn(okJson(asset("HALTD", false))));

        Http.Answer answer = submit("{\"symbol\":\"HALTD\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"limit_price\":\"5\",\"time_in_force\":\"day\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/symbol-not-tradable");
    }

    @Test
    void malformedBodiesNeverReachTheBrokerAndAreAudited() {
        BROKER.stubFor(post(anyUrl()).willReturn(okJson("{}")));
        List<String> malformed = List.of("not json", "{\"symbol\":5}", "[]",
                "{\"symbol\":\"AAPL\",\"qty\":{\"a\":1},\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}");
        List<String> invalid = List.of("{}",
                "{\"symbol\":\"" + "A".repeat(10_000) + "\",\"qty\":1,\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}",
                "{\"symbol\":\"AAPL\",\"qty\":\"-5\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}",
                "{\"symbol\":\"AAPL\",\"qty\":0,\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}",
                "{\"symbol\":\"AAPL\",\"qty\":1e308,\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}",
                "{\"symbol\":\"AAPL\",\"qty\":1,\"side\":\"borrow\",\"type\":\"market\",\"time_in_force\":\"day\"}",
                "{\"symbol\":\"AAPL\",\"qty\":1,\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\",\"x\":1}");
        for (String body : malformed) {
            Http.Answer answer = submit(body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asText()).isEqualTo("/problems/malformed-request");
        }
        for (String body : invalid) {
            Http.Answer answer = submit(body);
            assertThat(answer.status()).as(body.substring(0, Math.min(80, body.length()))).isEqualTo(422);
            assertThat(answer.json().get("type").asText()).isEqualTo("/problems/validation-failed");
            assertThat(answer.json().get("violations").isArray()).isTrue();
            assertThat(answer.json().get("violations")).isNotEmpty();
            assertThat(answer.body().length()).isLessThan(2_000);
        }
        assertThat(brokerSubmissions()).isZero();

        JsonNode records = AuditRecords.fetch(http, malformed.size() + invalid.size());
        assertThat(records).hasSize(malformed.size() + invalid.size());
        for (JsonNode record : records) {
            assertThat(record.get("action").asText()).isEqualTo("order.submit");
            assertThat(record.get("outcome").asText()).isEqualTo("rejected");
            assertThat(record.get("details").get("layer").asText()).isEqualTo("shape");
        }
    }

    @Test
    void everyStepOfAnAcceptedOrderIsAudited() {
        BROKER.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(okJson(order(ORDER_ID, "audit-1", "AAPL", "2", "new"))));

        assertThat(submit(buy("audit-1")).status()).isEqualTo(201);

        JsonNode records = AuditRecords.fetch(http, 2);
        assertThat(records.get(0).get("outcome").asText()).isEqualTo("accepted");
        assertThat(records.get(0).get("details").get("brokerOrderId").asText()).isEqualTo(ORDER_ID);
        assertThat(records.get(1).get("outcome").asText()).isEqualTo("submitting");
        assertThat(records.get(1).get("details").get("client_order_id").asText()).isEqualTo("audit-1");
    }
}
