package com.bensbot.trading.trading;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders end to end on the built-in simulator: place, read, replay, halt, cancel. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OrdersSimIT {
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.onSimulator();
    private static final String JSON = "application/json";

    private Http http;
    private Http admin;

    @BeforeEach
    void setUp() {
        http = Http.localhost(APP.getLocalPort());
        admin = Http.localhost(APP.getAdminPort());
    }

    @AfterEach
    void resume() {
        admin.post("/tasks/resume-trading", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
    }

    private static String marketBuy(String symbol, String qty) {
        return "{\"symbol\":\"" + symbol + "\",\"qty\":\"" + qty + "\",\"side\":\"buy\",\"type\":\"market\","
                + "\"time_in_force\":\"day\"}";
    }

    private Http.Answer post(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = JSON;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.postRaw("/trading/orders", body, all);
    }

    @Test
    void marketOrderFillsAndCanBeReadBack() {
        Http.Answer placed = post(marketBuy("AAPL", "1"));

        assertThat(placed.status()).isEqualTo(201);
        JsonNode order = placed.json();
        String id = order.get("id").asText();
        assertThat(placed.header("Location")).isEqualTo("/trading/orders/" + id);
        assertThat(order.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(order.get("qty").asText()).isEqualTo("1");
        assertThat(order.get("status").asText()).isEqualTo("filled");
        assertThat(order.get("client_order_id").asText()).startsWith("bb-");

        assertThat(http.get("/trading/orders/" + id).json().get("id").asText()).isEqualTo(id);
        String coid = order.get("client_order_id").asText();
        assertThat(http.get("/trading/orders/" + coid).json().get("id").asText()).isEqualTo(id);
        assertThat(http.get("/trading/orders?status=closed&limit=500").json().toString()).contains(id);
        assertThat(http.get("/trading/positions").json().toString()).contains("\"symbol\":\"AAPL\"");
        assertThat(http.get("/trading/account").json().get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void repeatWithTheSameKeyReplaysWithoutASecondOrder() {
        String key = "replay-" + UUID.randomUUID();
        Http.Answer first = post(marketBuy("MSFT", "2"), "Idempotency-Key", key);
        int ordersBefore = http.get("/trading/orders?status=all&limit=500").json().size();

        Http.Answer second = post(marketBuy("MSFT", "2"), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(http.get("/trading/orders?status=all&limit=500").json().size()).isEqualTo(ordersBefore);

        Http.Answer different = post(marketBuy("MSFT", "3"), "Idempotency-Key", key);
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.json().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void clientOrderIdIsAKeyToo() {
        String coid = "bot-" + UUID.randomUUID();
        String body = "{\"symbol\":\"SPY\",\"qty\":1,\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\","
                + "\"client_order_id\":\"" + coid + "\"}";

        Http.Answer first = post(body);
        Http.Answer second = post(body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("client_order_id").asText()).isEqualTo(coid);
        assertThat(second.status()).isEqualTo(200);
        assertThat(post(body, "Idempotency-Key", "other-key").json().get("type").asText())
                .isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void haltRefusesOrdersUntilResumed() {
        Http.Answer halted = admin.post("/tasks/halt-trading?reason=maintenance", null,
                "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(halted.status()).isEqualTo(200);
        assertThat(halted.json().get("halted").asBoolean()).isTrue();
        assertThat(halted.json().get("reason").asText()).isEqualTo("maintenance");
        assertThat(halted.json().get("since").asText()).endsWith("Z");
        assertThat(http.get("/health").json().get("tradingHalted").asBoolean()).isTrue();

        Http.Answer refused = post(marketBuy("AAPL", "1"));
        assertThat(refused.status()).isEqualTo(423);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/trading-halted");

        Http.Answer resumed = admin.post("/tasks/resume-trading", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(resumed.json().get("halted").asBoolean()).isFalse();
        assertThat(post(marketBuy("AAPL", "1")).status()).isEqualTo(201);
    }

    @Test
    void cancelOpenOrderThenCancelAgainIsTheBrokers422() {
        String body = "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":\"1.00\","
                + "\"time_in_force\":\"gtc\"}";
        JsonNode open = post(body).json();
        assertThat(open.get("status").asText()).isEqualTo("new");
        String id = open.get("id").asText();

        assertThat(http.delete("/trading/orders/" + id).status()).isEqualTo(204);
        Http.Answer again = http.delete("/trading/orders/" + id);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("type").asText()).isEqualTo("/problems/broker-rejected");

        Http.Answer unknown = http.delete("/trading/orders/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("/problems/order-not-found");
        assertThat(http.get("/trading/orders/no-such-client-id").json().get("type").asText())
                .isEqualTo("/problems/order-not-found");
    }

    @Test
    void cancelByClientOrderIdAndCancelAllTask() {
        String coid = "cancel-me-" + UUID.randomUUID();
        post("{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":\"1.00\","
                + "\"time_in_force\":\"gtc\",\"client_order_id\":\"" + coid + "\"}");
        assertThat(http.delete("/trading/orders/" + coid).status()).isEqualTo(204);

        post("{\"symbol\":\"MSFT\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":\"1.00\","
                + "\"time_in_force\":\"gtc\"}");
        Http.Answer all = admin.post("/tasks/cancel-all-orders", null, "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(all.status()).isEqualTo(200);
        assertThat(http.get("/trading/orders?status=open").json()).isEmpty();
    }

    @Test
    void badQueryParametersAre400() {
        for (String path : new String[]{"/trading/orders?status=bogus", "/trading/orders?limit=501",
                "/trading/orders?limit=0", "/trading/orders/" + "x".repeat(129), "/trading/orders/bad%20id"}) {
            Http.Answer answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.json().get("type").asText()).as(path).isEqualTo("/problems/invalid-parameter");
        }
    }

    @Test
    void nonJsonContentTypeIs415() {
        Http.Answer answer = http.postRaw("/trading/orders", marketBuy("AAPL", "1"), "Content-Type", "text/plain");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/unsupported-media-type");
    }
}
