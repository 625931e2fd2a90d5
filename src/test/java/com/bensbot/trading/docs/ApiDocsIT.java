package com.bensbot.trading.docs;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAPI document and Swagger UI: open in development, gated in production. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiDocsIT {
    private static final String CLIENT_KEY = "docs-test-client-key-0123456789abcdef";
    private static final DropwizardAppExtension<TradingConfiguration> DEV = TestApps.onSimulator();
    private static final DropwizardAppExtension<TradingConfiguration> PROD = TestApps.onSimulator(
            ConfigOverride.config("environment", "production"),
            ConfigOverride.config("clients.apiKeys", "tester:" + CLIENT_KEY),
            ConfigOverride.config("cors.allowedOrigins", ""));

    @Test
    void developmentServesTheDocumentOfEveryRouteAndProblemType() {
        Http.Answer answer = Http.localhost(DEV.getLocalPort()).get("/openapi.json");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode api = answer.json();
        assertThat(api.get("openapi").asText()).startsWith("3.");
        JsonNode paths = api.get("paths");
        List<String> expected = List.of("/health", "/live/health", "/live/service-health", "/live/quote/{symbol}",
                "/live/quotes", "/live/trade/{symbol}", "/live/bars/{symbol}", "/live/clock",
                "/live/reset-circuit-breaker", "/trading/account", "/trading/positions", "/trading/orders",
                "/trading/orders/{id}", "/metrics", "/metrics/live-data", "/metrics/alpaca", "/admin/audit");
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(documented::add);
        assertThat(documented).containsAll(expected);
        assertThat(paths.get("/trading/orders").has("post")).isTrue();
        assertThat(paths.get("/trading/orders/{id}").has("delete")).isTrue();
        assertThat(paths.get("/live/quote/{symbol}").get("get").get("responses").has("default")).isTrue();
        JsonNode types = api.get("components").get("schemas").get("Problem").get("properties").get("type").get("enum");
        for (ProblemType type : ProblemType.values()) {
            assertThat(types.toString()).contains(type.uri());
        }
        assertThat(Http.localhost(DEV.getLocalPort()).get("/openapi.yaml").status()).isEqualTo(404);
    }

    @Test
    void developmentServesSwaggerUi() {
        Http http = Http.localhost(DEV.getLocalPort());
        Http.Answer redirect = http.get("/docs");
        assertThat(redirect.status()).isEqualTo(302);
        Http.Answer index = http.get("/docs/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
        assertThat(index.body()).contains("swagger-ui-bundle.js");
        assertThat(http.get("/docs/swagger-initializer.js").body()).contains("/openapi.json");
        assertThat(http.get("/docs/swagger-ui-bundle.js").status()).isEqualTo(200);
        assertThat(http.get("/docs/../config.yml").status()).isEqualTo(404);
    }

    @Test
    void productionHidesTheDocsUnlessTheAdminCredentialIsPresented() {
        Http http = Http.localhost(PROD.getLocalPort());
        assertThat(http.get("/docs/").status()).isEqualTo(404);
        assertThat(http.get("/docs/", "X-Admin-Token", TestApps.ADMIN_TOKEN).status()).isEqualTo(404);
        Http.Answer missing = http.get("/openapi.json");
        Http.Answer wrong = http.get("/openapi.json", "X-Admin-Token", "wrong-wrong-wrong-wrong-wrong-wrong");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(http.get("/openapi.json", "Authorization", "Bearer " + TestApps.ADMIN_TOKEN).status())
                .isEqualTo(200);
    }
}
