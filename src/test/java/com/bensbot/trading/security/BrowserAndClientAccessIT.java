package com.bensbot.trading.security;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Client API keys, CORS, security headers and the body size limit, over real HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserAndClientAccessIT {
    private static final String BOT_KEY = "bot-key-0123456789abcdef0123456789abcdef";
    private static final String DESK_KEY = "desk-key-0123456789abcdef0123456789abcdef";
    private static final String ORIGIN = "https://desk.example.com";
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.onSimulator(
            ConfigOverride.config("clients.apiKeys", "bot:" + BOT_KEY + ", desk:" + DESK_KEY),
            ConfigOverride.config("cors.allowedOrigins", ORIGIN + ",https://other.example.com"));

    private Http http;

    @BeforeEach
    void setUp() {
        http = Http.localhost(APP.getLocalPort());
    }

    @Test
    void routesNeedAKnownKeyOrTheAdminCredential() {
        Http.Answer missing = http.get("/live/clock");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(missing.json().get("type").asText()).isEqualTo("/problems/unauthorized");

        Http.Answer unknown = http.get("/live/clock", "X-API-Key", "guessed-key-guessed-key-guessed-key");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.json().get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(unknown.body()).doesNotContain("guessed-key");

        assertThat(http.get("/live/clock", "X-API-Key", BOT_KEY).status()).isEqualTo(200);
        assertThat(http.get("/live/clock", "X-API-Key", DESK_KEY).status()).isEqualTo(200);
        assertThat(http.get("/live/clock", "X-Admin-Token", TestApps.ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(http.get("/live/clock", "X-Admin-Token", "wrong").status()).isEqualTo(403);
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void refusalsAreAuditedWithoutThePresentedValueAndClientsAreNamed() {
        http.get("/trading/account", "X-API-Key", "presented-secret-presented-secret");
        http.postRaw("/trading/orders", "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\","
                        + "\"limit_price\":\"1\",\"time_in_force\":\"gtc\"}",
                "Content-Type", "application/json", "X-API-Key", BOT_KEY);

        Http.Answer audit = http.get("/admin/audit?limit=5", "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(audit.body()).doesNotContain("presented-secret");
        JsonNode records = audit.json().isArray() ? audit.json() : audit.json().get("records");
        boolean refusal = false;
        boolean byBot = false;
        for (JsonNode record : records) {
            refusal |= record.get("action").asText().equals("client.auth")
                    && record.get("outcome").asText().equals("refused");
            byBot |= record.get("action").asText().equals("order.submit") && record.get("client").asText().equals("bot");
        }
        assertThat(refusal).isTrue();
        assertThat(byBot).isTrue();
    }

    @Test
    void allowedOriginsGetCorsHeadersOthersDoNot() {
        Http.Answer preflight = http.send("OPTIONS", "/trading/orders", "Origin", ORIGIN,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "Content-Type, Idempotency-Key");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST").contains("DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("Idempotency-Key");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(preflight.header("X-Request-ID")).isNotBlank();

        Http.Answer actual = http.get("/live/clock", "Origin", ORIGIN, "X-API-Key", BOT_KEY);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("X-Request-ID").contains("RateLimit");

        Http.Answer stranger = http.send("OPTIONS", "/trading/orders", "Origin", "https://evil.example.com",
                "Access-Control-Request-Method", "POST");
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control"));
        Http.Answer lookalike = http.get("/live/clock", "Origin", "https://desk.example.com.evil.org",
                "X-API-Key", BOT_KEY);
        assertThat(lookalike.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void securityHeaders() {
        Http.Answer health = http.get("/health");
        assertThat(health.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(health.header("Cache-Control")).isNull();
        Http.Answer account = http.get("/trading/account", "X-API-Key", BOT_KEY);
        assertThat(account.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(account.header("Cache-Control")).isEqualTo("no-store");
        assertThat(http.get("/trading/account").header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void oversizedBodiesAre413ProblemDocuments() {
        String big = "{\"symbol\":\"" + "A".repeat(20_000) + "\"}";
        Http.Answer answer = http.postRaw("/trading/orders", big, "Content-Type", "application/json",
                "X-API-Key", BOT_KEY);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/payload-too-large");
    }
}
