package com.bensbot.trading.broker;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
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

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The data API's breaker: opening, failing fast, half-open trials, closing, and the operator reset. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CircuitBreakerIT {
    private static final String BARS = "/v2/stocks/AAPL/bars";
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.against(BROKER,
            ConfigOverride.config("alpaca.retry.maxRetries", "0"),
            ConfigOverride.config("alpaca.circuitBreaker.failureThreshold", "3"),
            ConfigOverride.config("alpaca.circuitBreaker.failureWindow", "5"),
            ConfigOverride.config("alpaca.circuitBreaker.openDuration", "1s"),
            ConfigOverride.config("alpaca.circuitBreaker.halfOpenTrials", "2"));

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
    }

    private void openDataBreaker() {
        BROKER.stubFor(get(urlPathEqualTo(BARS)).willReturn(serverError()));
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/live/bars/AAPL").status()).isEqualTo(502);
        }
    }

    private void brokerHealthy() {
        BROKER.stubFor(get(urlPathEqualTo(BARS)).willReturn(okJson("{\"bars\":[],\"symbol\":\"AAPL\"}")));
    }

    @Test
    void opensAfterThresholdAndFailsFastWithoutCallingTheBroker() {
        openDataBreaker();

        Http.Answer failFast = http.get("/live/bars/AAPL");

        assertThat(failFast.status()).isEqualTo(503);
        assertThat(failFast.json().get("type").asText()).isEqualTo("/problems/circuit-open");
        assertThat(Integer.parseInt(failFast.header("Retry-After"))).isBetween(1, 1);
        BROKER.verify(3, getRequestedFor(urlPathEqualTo(BARS)));

        Http.Answer health = http.get("/live/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("connected").asBoolean()).isFalse();
        assertThat(health.json().get("circuitBreaker").asText()).isEqualTo("OPEN");
        assertThat(health.json().get("circuitBreakers").get("data").asText()).isEqualTo("OPEN");
        assertThat(health.json().get("circuitBreakers").get("trading").asText()).isEqualTo("CLOSED");
    }

    @Test
    void halfOpenTrialsCloseTheBreakerWhenTheyAllSucceed() throws InterruptedException {
        openDataBreaker();
        brokerHealthy();
        Thread.sleep(1100);

        assertThat(http.get("/live/health").json().get("circuitBreakers").get("data").asText()).isEqualTo("HALF_OPEN");
        assertThat(http.get("/live/bars/AAPL").status()).isEqualTo(200);
        assertThat(http.get("/live/bars/AAPL").status()).isEqualTo(200);

        JsonNode breaker = http.get("/live/service-health").json().get("circuitBreakers").get("data");
        assertThat(breaker.get("state").asText()).isEqualTo("CLOSED");
        JsonNode transitions = breaker.get("transitions");
        assertThat(transitions.get(transitions.size() - 3).get("to").asText()).isEqualTo("OPEN");
        assertThat(transitions.get(transitions.size() - 2).get("to").asText()).isEqualTo("HALF_OPEN");
        assertThat(transitions.get(transitions.size() - 1).get("to").asText()).isEqualTo("CLOSED");
        assertThat(transitions.get(transitions.size() - 1).get("at").asText()).endsWith("Z");
    }

    @Test
    void aFailedTrialReopensTheBreaker() throws InterruptedException {
        openDataBreaker();
        Thread.sleep(1100);

        assertThat(http.get("/live/bars/AAPL").status()).isEqualTo(502);
        Http.Answer next = http.get("/live/bars/AAPL");

        assertThat(next.status()).isEqualTo(503);
        assertThat(next.json().get("type").asText()).isEqualTo("/problems/circuit-open");
        BROKER.verify(4, getRequestedFor(urlPathEqualTo(BARS)));
    }

    @Test
    void resetNeedsTheAdminCredential() {
        openDataBreaker();

        Http.Answer missing = http.post("/live/reset-circuit-breaker", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(missing.json().get("type").asText()).isEqualTo("/problems/unauthorized");

        Http.Answer notBearer = http.post("/live/reset-circuit-breaker", null, "Authorization", "Basic YWRtaW46YWRtaW4=");
        assertThat(notBearer.status()).isEqualTo(401);

        Http.Answer wrong = http.post("/live/reset-circuit-breaker", null, "X-Admin-Token", "not-the-token");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(wrong.body()).doesNotContain("not-the-token");

        Http.Answer conflicting = http.post("/live/reset-circuit-breaker", null,
                "X-Admin-Token", TestApps.ADMIN_TOKEN, "Authorization", "Bearer something-else");
        assertThat(conflicting.status()).isEqualTo(403);
        assertThat(http.get("/live/health").json().get("circuitBreakers").get("data").asText()).isEqualTo("OPEN");

        Http.Answer ok = http.post("/live/reset-circuit-breaker", null, "Authorization", "Bearer " + TestApps.ADMIN_TOKEN);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("previousState").asText()).isEqualTo("OPEN");
        assertThat(ok.json().get("state").asText()).isEqualTo("CLOSED");
        assertThat(ok.json().get("circuitBreakers").get("data").asText()).isEqualTo("CLOSED");
        assertThat(ok.json().get("circuitBreakers").get("trading").asText()).isEqualTo("CLOSED");

        brokerHealthy();
        assertThat(http.get("/live/bars/AAPL").status()).isEqualTo(200);
    }

    @Test
    void adminTaskResetsOneNamedBreaker() {
        openDataBreaker();
        Http admin = Http.localhost(APP.getAdminPort());

        assertThat(admin.post("/tasks/reset-circuit-breaker", null).status()).isEqualTo(401);
        assertThat(admin.post("/tasks/reset-circuit-breaker", null, "X-Admin-Token", "wrong").status()).isEqualTo(403);
        Http.Answer badApi = admin.post("/tasks/reset-circuit-breaker?api=everything", null,
                "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(badApi.status()).isEqualTo(400);
        assertThat(badApi.json().get("type").asText()).isEqualTo("/problems/invalid-parameter");

        Http.Answer onlyTrading = admin.post("/tasks/reset-circuit-breaker?api=trading", null,
                "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(onlyTrading.status()).isEqualTo(200);
        assertThat(onlyTrading.json().get("previousState").asText()).isEqualTo("CLOSED");
        assertThat(onlyTrading.json().get("circuitBreakers").get("data").asText()).isEqualTo("OPEN");

        Http.Answer data = admin.post("/tasks/reset-circuit-breaker?api=data", null,
                "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(data.status()).isEqualTo(200);
        assertThat(data.header("Content-Type")).startsWith("application/json");
        assertThat(data.json().get("previousState").asText()).isEqualTo("OPEN");
        assertThat(data.json().get("state").asText()).isEqualTo("CLOSED");
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() {
        BROKER.stubFor(get(urlPathEqualTo(BARS)).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withStatus(422).withBody("{\"message\":\"bad\"}")));
        for (int i = 0; i < 6; i++) {
            assertThat(http.get("/live/bars/AAPL").status()).isEqualTo(422);
        }
        assertThat(http.get("/live/health").json().get("circuitBreakers").get("data").asText()).isEqualTo("CLOSED");
    }
}
