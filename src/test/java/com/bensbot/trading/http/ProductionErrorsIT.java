package com.bensbot.trading.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.bensbot.trading.TradingApplication;
import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.LogCapture;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode: 5xx answers name only their errorId, each 5xx is one log line (ERROR with the stack trace for a
 * 500, WARN for a broker outcome), the operations routes need the admin credential, and no secret is logged.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProductionErrorsIT {
    private static final String BROKER_SECRET = "prod-broker-secret-key-value";
    private static final String CLIENT_KEY = "production-test-client-key-0123456789abcdef";
    private static final String INTERNAL_TEXT = "internal detail: SELECT secret FROM accounts";
    private static final WireMockServer BROKER = TestApps.startBroker();
    private static final DropwizardAppExtension<TradingConfiguration> APP = new DropwizardAppExtension<>(
            FailingApp.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("environment", "production"),
            ConfigOverride.config("clients.apiKeys", "tester:" + CLIENT_KEY),
            ConfigOverride.config("cors.allowedOrigins", ""),
            ConfigOverride.config("alpaca.baseUrl", BROKER::baseUrl),
            ConfigOverride.config("alpaca.dataUrl", BROKER::baseUrl),
            ConfigOverride.config("alpaca.secretKey", BROKER_SECRET),
            ConfigOverride.config("alpaca.retry.maxRetries", "0"));

    /** The gateway plus one route that fails the way a bug would. */
    public static class FailingApp extends TradingApplication {
        @Override
        public void run(TradingConfiguration config, Environment environment) {
            super.run(config, environment);
            environment.jersey().register(new Boom());
        }
    }

    @Path("/test/boom")
    public static class Boom {
        @GET
        public String boom() {
            throw new IllegalStateException(INTERNAL_TEXT);
        }
    }

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
    void internalErrorIsGenericToTheClientAndOneErrorLineWithStackTrace() {
        try (LogCapture log = LogCapture.root()) {
            Http.Answer answer = http.get("/test/boom", "X-API-Key", CLIENT_KEY);

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.header("Server-Timing")).startsWith("app;dur=");
            JsonNode problem = answer.json();
            String errorId = problem.get("errorId").asText();
            assertThat(problem.get("type").asText()).isEqualTo("/problems/internal-error");
            assertThat(problem.get("detail").asText()).contains(errorId);
            assertThat(answer.body()).doesNotContain("SELECT", "IllegalStateException", "java.", "com.bensbot",
                    "at ");

            List<ILoggingEvent> lines = withErrorId(log, errorId);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).getLevel()).isEqualTo(Level.ERROR);
            assertThat(lines.get(0).getThrowableProxy()).isNotNull();
            assertThat(lines.get(0).getThrowableProxy().getMessage()).isEqualTo(INTERNAL_TEXT);
        }
    }

    @Test
    void brokerFailureIsGenericToTheClientAndOneWarnLine() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/FAIL/quotes/latest")).willReturn(aResponse().withStatus(500)
                .withBody("{\"message\":\"broker stack: NullPointerException at com.alpaca.Internal\"}")));
        BROKER.stubFor(get(urlPathEqualTo("/v2/stocks/JUNK/quotes/latest"))
                .willReturn(okJson("{\"quote\": [not json")));
        try (LogCapture log = LogCapture.root()) {
            for (String symbol : List.of("FAIL", "JUNK")) {
                Http.Answer answer = http.get("/live/quote/" + symbol, "X-API-Key", CLIENT_KEY);

                assertThat(answer.status()).isEqualTo(502);
                String errorId = answer.json().get("errorId").asText();
                assertThat(answer.json().get("detail").asText()).contains(errorId);
                assertThat(answer.body()).doesNotContain("NullPointerException", "com.alpaca", "not json",
                        "Jackson", "Exception");
                List<ILoggingEvent> lines = withErrorId(log, errorId);
                assertThat(lines).hasSize(1);
                assertThat(lines.get(0).getLevel()).isEqualTo(Level.WARN);
                assertThat(lines.get(0).getThrowableProxy()).isNull();
            }
        }
    }

    @Test
    void brokerFailureOfAnAdminTaskIsOneWarnLineToo() {
        BROKER.stubFor(delete(urlPathEqualTo("/v2/orders")).willReturn(aResponse().withStatus(500)));
        try (LogCapture log = LogCapture.root()) {
            Http.Answer answer = Http.localhost(APP.getAdminPort()).post("/tasks/cancel-all-orders", null,
                    "X-Admin-Token", TestApps.ADMIN_TOKEN);

            assertThat(answer.status()).isEqualTo(502);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            String errorId = answer.json().get("errorId").asText();
            List<ILoggingEvent> lines = withErrorId(log, errorId);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).getLevel()).isEqualTo(Level.WARN);
            assertThat(lines.get(0).getThrowableProxy()).isNull();
        }
    }

    @Test
    void operationsRoutesNeedTheAdminCredentialInProduction() {
        for (String path : List.of("/metrics", "/metrics/live-data", "/metrics/alpaca", "/live/service-health")) {
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
            assertThat(http.get(path, "X-Admin-Token", "wrong-token-wrong-token-wrong-token").status()).as(path)
                    .isEqualTo(403);
            assertThat(http.get(path, "X-Admin-Token", TestApps.ADMIN_TOKEN).status()).as(path).isEqualTo(200);
        }
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void secretsNeverReachTheLog() {
        BROKER.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"unauthorized.\"}")));
        try (LogCapture log = LogCapture.root()) {
            http.get("/metrics", "Authorization", "Bearer " + TestApps.ADMIN_TOKEN);
            http.get("/metrics", "X-Admin-Token", "some-wrong-admin-token-presented");
            http.post("/live/reset-circuit-breaker", null, "X-Admin-Token", "some-wrong-admin-token-presented");
            http.get("/live/clock", "X-API-Key", "client-key-that-must-not-be-logged");
            http.get("/test/boom", "Authorization", "Bearer " + TestApps.ADMIN_TOKEN);

            String text = log.allText();
            assertThat(text).isNotEmpty();
            assertThat(text).doesNotContain(TestApps.ADMIN_TOKEN, "some-wrong-admin-token-presented",
                    "client-key-that-must-not-be-logged", BROKER_SECRET);
        }
    }

    @Test
    void crlfInLoggedClientValuesIsNeutralised() {
        try (LogCapture log = LogCapture.root()) {
            // Matrix parameters do not change the match, but Jersey hands them on in the decoded path.
            Http.Answer answer = http.post("/live/reset-circuit-breaker;x=%0D%0AFORGED%20line", null, "X-API-Key", CLIENT_KEY);

            assertThat(answer.status()).isEqualTo(401);
            List<ILoggingEvent> refusals = log.events().stream()
                    .filter(event -> event.getFormattedMessage().contains("FORGED")).toList();
            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0).getFormattedMessage()).doesNotContain("\n", "\r").contains("\\r\\nFORGED");
        }
    }

    private static List<ILoggingEvent> withErrorId(LogCapture log, String errorId) {
        return log.events().stream().filter(event -> event.getFormattedMessage().contains(errorId)).toList();
    }
}
