package com.bensbot.trading.ops;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole service on the built-in simulator: every route of this issue answers as the contract says. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SimulatorAppIT {
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.onSimulator(
            ConfigOverride.config("alpaca.retry.initialBackoff", "5ms"),
            ConfigOverride.config("alpaca.circuitBreaker.failureThreshold", "3"),
            ConfigOverride.config("alpaca.circuitBreaker.failureWindow", "5"));

    private Http http;
    private Http admin;

    @BeforeEach
    void setUp() {
        http = Http.localhost(APP.getLocalPort());
        admin = Http.localhost(APP.getAdminPort());
    }

    @AfterEach
    void faultsOff() {
        admin.post("/tasks/sim-fault?mode=off", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
        http.post("/live/reset-circuit-breaker", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
    }

    @Test
    void healthDescribesTheDeployment() {
        Http.Answer answer = http.get("/health");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("environment").asText()).isEqualTo("development");
        assertThat(body.get("tradingMode").asText()).isEqualTo("paper");
        assertThat(body.get("broker").asText()).isEqualTo("sim");
        assertThat(body.get("tradingHalted").asBoolean()).isFalse();
        assertThat(body.get("version").asText()).isNotBlank();
    }

    @Test
    void marketDataRoutesAnswerFromTheSimulator() {
        JsonNode quote = http.get("/live/quote/AAPL").json();
        assertThat(quote.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(quote.get("quote").get("ap").decimalValue())
                .isGreaterThan(quote.get("quote").get("bp").decimalValue());

        Http.Answer quotes = http.get("/live/quotes?symbols=AAPL,MSFT,SPY,NOSUCHSYM");
        assertThat(quotes.status()).isEqualTo(200);
        assertThat(quotes.json().get("quotes").size()).isEqualTo(3);
        assertThat(quotes.json().get("missing").toString()).isEqualTo("[\"NOSUCHSYM\"]");

        Http.Answer trade = http.get("/live/trade/MSFT");
        assertThat(trade.status()).isEqualTo(200);
        assertThat(trade.json().get("trade").get("p").decimalValue()).isPositive();

        assertThat(http.get("/live/quote/NOSUCHSYM").status()).isEqualTo(404);

        Http.Answer bars = http.get("/live/bars/SPY?timeframe=5Min&limit=12");
        assertThat(bars.status()).isEqualTo(200);
        JsonNode list = bars.json().get("bars");
        assertThat(list).hasSize(12);
        Instant first = Instant.parse(list.get(0).get("t").asText());
        Instant last = Instant.parse(list.get(11).get("t").asText());
        assertThat(first).isBefore(last);
        assertThat(list.get(0).has("vw")).isTrue();

        Http.Answer clock = http.get("/live/clock");
        assertThat(clock.status()).isEqualTo(200);
        assertThat(clock.json().has("is_open")).isTrue();
        assertThat(clock.json().has("next_open")).isTrue();
    }

    @Test
    void brokerHealthAndServiceHealthReport() {
        http.get("/live/quote/NVDA");
        Http.Answer health = http.get("/live/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("connected").asBoolean()).isTrue();
        assertThat(health.json().get("circuitBreaker").asText()).isEqualTo("CLOSED");
        assertThat(health.json().get("lastSuccessAt").asText()).endsWith("Z");
        assertThat(health.json().get("latencyMs").isIntegralNumber()).isTrue();

        JsonNode service = http.get("/live/service-health").json();
        assertThat(service.get("calls").asLong()).isPositive();
        assertThat(service.get("apis").get("data").get("byEndpoint")
                .has("GET /v2/stocks/{symbol}/quotes/latest")).isTrue();
        assertThat(service.get("cache").get("quotes").has("hitRate")).isTrue();
        assertThat(service.get("circuitBreakers").get("trading").get("state").asText()).isEqualTo("CLOSED");
    }

    @Test
    void simFaultTaskDrivesRetriesAndTheBreaker() {
        Http.Answer set = admin.post("/tasks/sim-fault?mode=error&count=2", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("mode").asText()).isEqualTo("error");
        assertThat(set.json().get("remaining").asInt()).isEqualTo(2);
        assertThat(http.get("/live/bars/AAPL").status()).as("two 500s healed by retries").isEqualTo(200);

        admin.post("/tasks/sim-fault?mode=error", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(http.get("/live/bars/AAPL").status()).isIn(502, 503);
        Http.Answer open = http.get("/live/bars/AAPL");
        assertThat(open.status()).isEqualTo(503);
        assertThat(open.json().get("type").asText()).isEqualTo("/problems/circuit-open");
        assertThat(open.header("Retry-After")).isNotBlank();
    }

    @Test
    void simFaultTaskValidatesAndNeedsTheCredential() {
        assertThat(admin.post("/tasks/sim-fault?mode=error", null).status()).isEqualTo(401);
        Http.Answer bad = admin.post("/tasks/sim-fault?mode=explode", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().get("type").asText()).isEqualTo("/problems/invalid-parameter");
        Http.Answer badCount = admin.post("/tasks/sim-fault?mode=error&count=-3", null,
                "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(badCount.status()).isEqualTo(400);
        assertThat(admin.get("/tasks/sim-fault", "X-Admin-Token", TestApps.ADMIN_TOKEN).status()).isEqualTo(405);
    }

    @Test
    void theHttpClientLoggersCannotBeSwitchedOn() {
        for (String logger : new String[]{"org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers",
                "org.apache.hc", "org.apache"}) {
            Http.Answer answer = admin.post("/tasks/log-level?logger=" + logger + "&level=DEBUG", null,
                    "X-Admin-Token", TestApps.ADMIN_TOKEN);
            assertThat(answer.status()).as(logger).isEqualTo(403);
        }
        assertThat(admin.post("/tasks/log-level?logger=com.bensbot.trading&level=INFO", null,
                "X-Admin-Token", TestApps.ADMIN_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void adminPortServesHealthChecks() {
        Http.Answer checks = admin.get("/healthcheck");
        assertThat(checks.json().has("alpaca")).isTrue();
        assertThat(checks.json().has("circuit-breaker")).isTrue();
        assertThat(checks.json().has("redis")).as("only with REDIS_URL").isFalse();
        assertThat(admin.get("/ping").status()).isEqualTo(200);
        Http.Answer missing = admin.get("/no-such-admin-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }
}
