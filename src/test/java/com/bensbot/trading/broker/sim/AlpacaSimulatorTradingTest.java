package com.bensbot.trading.broker.sim;

import static com.bensbot.trading.broker.sim.AlpacaSimulatorMarketDataTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlpacaSimulatorTradingTest {

    private static final String RFC3339_WITH_OFFSET = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?[-+]\\d\\d:\\d\\d";

    private final AlpacaSimulator simulator = new AlpacaSimulator();
    private SimHttp http;

    @BeforeEach
    void start() {
        simulator.start();
        http = new SimHttp(simulator.baseUri());
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void clockReportsNewYorkMarketHours() {
        SimHttp.Reply reply = http.get("/v2/clock");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode clock = reply.json();
        assertThat(fieldNames(clock)).containsExactly("timestamp", "is_open", "next_open", "next_close");
        assertThat(clock.get("is_open").isBoolean()).isTrue();
        assertThat(clock.get("timestamp").asText()).matches(RFC3339_WITH_OFFSET);
        assertThat(clock.get("next_open").asText()).matches(RFC3339_WITH_OFFSET).endsWith(":30:00" + offset(clock, "next_open"));
        assertThat(clock.get("next_close").asText()).matches(RFC3339_WITH_OFFSET);
    }

    @Test
    void clockOnThanksgivingPointsToTheEarlyCloseFriday() {
        Clock thanksgiving = Clock.fixed(Instant.parse("2026-11-26T15:04:05Z"), ZoneOffset.UTC);
        try (AlpacaSimulator fixed = new AlpacaSimulator(0, thanksgiving)) {
            fixed.start();
            JsonNode clock = new SimHttp(fixed.baseUri()).get("/v2/clock").json();

            assertThat(clock.get("timestamp").asText()).isEqualTo("2026-11-26T10:04:05-05:00");
            assertThat(clock.get("is_open").asBoolean()).isFalse();
            assertThat(clock.get("next_open").asText()).isEqualTo("2026-11-27T09:30:00-05:00");
            assertThat(clock.get("next_close").asText()).isEqualTo("2026-11-27T13:00:00-05:00");
        }
    }

    @Test
    void freshAccountHasStartingCashAsDecimalStrings() {
        SimHttp.Reply reply = http.get("/v2/account");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode account = reply.json();
        assertThat(account.get("account_number").asText()).isEqualTo("PA3SIM0000001");
        assertThat(account.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(account.get("currency").asText()).isEqualTo("USD");
        for (String decimal : List.of("cash", "buying_power", "equity", "portfolio_value", "long_market_value",
                "short_market_value", "multiplier")) {
            assertThat(account.get(decimal).isTextual()).as(decimal).isTrue();
        }
        assertThat(new BigDecimal(account.get("cash").asText())).isEqualByComparingTo("100000");
        assertThat(new BigDecimal(account.get("equity").asText())).isEqualByComparingTo("100000");
        for (String flag : List.of("pattern_day_trader", "trading_blocked", "transfers_blocked", "account_blocked")) {
            assertThat(account.get(flag).asBoolean()).as(flag).isFalse();
        }
        assertThat(Instant.parse(account.get("created_at").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(UUID.fromString(account.get("id").asText())).isNotNull();
    }

    @Test
    void assetsAreFoundBySymbolOrIdAndUnknownIs404() {
        JsonNode apple = http.get("/v2/assets/AAPL").json();
        SimHttp.Reply byId = http.get("/v2/assets/" + apple.get("id").asText());
        SimHttp.Reply unknown = http.get("/v2/assets/XYZQ");

        assertThat(apple.get("class").asText()).isEqualTo("us_equity");
        assertThat(apple.get("exchange").asText()).isEqualTo("NASDAQ");
        assertThat(apple.get("status").asText()).isEqualTo("active");
        assertThat(apple.get("tradable").asBoolean()).isTrue();
        assertThat(apple.get("fractionable").asBoolean()).isTrue();
        assertThat(fieldNames(apple)).contains("marginable", "shortable", "easy_to_borrow", "name");
        assertThat(byId.json().get("symbol").asText()).isEqualTo("AAPL");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asInt()).isEqualTo(40410000);
        assertThat(unknown.json().get("message").asText()).isEqualTo("asset not found");
    }

    @Test
    void marketBuyFillsAtTheAskAndMovesCashIntoAPosition() {
        SimHttp.Reply reply = submit("{\"symbol\":\"AAPL\",\"qty\":\"10\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode order = reply.json();
        assertThat(fieldNames(order)).contains("id", "client_order_id", "created_at", "updated_at", "submitted_at",
                "filled_at", "expired_at", "canceled_at", "failed_at", "replaced_at", "replaced_by", "replaces",
                "asset_id", "symbol", "asset_class", "notional", "qty", "filled_qty", "filled_avg_price",
                "order_class", "order_type", "type", "side", "time_in_force", "limit_price", "stop_price", "status",
                "extended_hours", "legs", "trail_percent", "trail_price", "hwm", "position_intent");
        assertThat(order.get("status").asText()).isEqualTo("filled");
        assertThat(order.get("qty").asText()).isEqualTo("10");
        assertThat(order.get("filled_qty").asText()).isEqualTo("10");
        assertThat(order.get("client_order_id").asText()).isNotBlank();
        assertThat(order.get("order_class").asText()).isEmpty();
        assertThat(order.get("legs").isNull()).isTrue();
        assertThat(order.get("limit_price").isNull()).isTrue();
        assertThat(Instant.parse(order.get("filled_at").asText())).isNotNull();
        BigDecimal price = new BigDecimal(order.get("filled_avg_price").asText());
        BigDecimal cost = price.multiply(BigDecimal.TEN);

        JsonNode positions = http.get("/v2/positions").json();
        assertThat(positions).hasSize(1);
        JsonNode position = positions.get(0);
        assertThat(position.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(position.get("qty").asText()).isEqualTo("10");
        assertThat(position.get("side").asText()).isEqualTo("long");
        assertThat(position.get("asset_class").asText()).isEqualTo("us_equity");
        assertThat(new BigDecimal(position.get("avg_entry_price").asText())).isEqualByComparingTo(price);
        assertThat(new BigDecimal(position.get("cost_basis").asText())).isEqualByComparingTo(cost);
        assertThat(fieldNames(position)).contains("asset_id", "exchange", "market_value", "unrealized_pl",
                "unrealized_plpc", "current_price", "lastday_price", "change_today", "qty_available");
        assertThat(http.get("/v2/positions/aapl").json().get("qty").asText()).isEqualTo("10");

        JsonNode account = http.get("/v2/account").json();
        assertThat(new BigDecimal(account.get("cash").asText()))
                .isEqualByComparingTo(SimAccount.STARTING_CASH.subtract(cost));
        assertThat(new BigDecimal(account.get("long_market_value").asText())).isPositive();
    }

    @Test
    void sellingReducesThePositionAndSellingMoreThanHeldIs403() {
        submit(order("MSFT", "5", "buy", "market"));

        SimHttp.Reply sold = submit(order("MSFT", "2", "sell", "market"));
        SimHttp.Reply oversold = submit(order("MSFT", "4", "sell", "market"));

        assertThat(sold.json().get("status").asText()).isEqualTo("filled");
        assertThat(sold.json().get("position_intent").asText()).isEqualTo("sell_to_close");
        assertThat(http.get("/v2/positions/MSFT").json().get("qty").asText()).isEqualTo("3");
        assertThat(oversold.status()).isEqualTo(403);
        assertThat(oversold.json().get("code").asInt()).isEqualTo(40310000);
        assertThat(oversold.json().get("message").asText()).startsWith("insufficient qty available for order");
        assertThat(http.get("/v2/positions/TSLA").status()).isEqualTo(404);
    }

    @Test
    void notionalBuyFillsAFractionalQuantity() {
        SimHttp.Reply reply = submit("{\"symbol\":\"NVDA\",\"notional\":\"1000\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}");

        JsonNode order = reply.json();
        assertThat(order.get("status").asText()).isEqualTo("filled");
        assertThat(order.get("notional").asText()).isEqualTo("1000");
        assertThat(order.get("qty").isNull()).isTrue();
        assertThat(new BigDecimal(order.get("filled_qty").asText()).scale()).isPositive();
        BigDecimal cash = new BigDecimal(http.get("/v2/account").json().get("cash").asText());
        assertThat(SimAccount.STARTING_CASH.subtract(cash)).isBetween(new BigDecimal("999"), new BigDecimal("1000"));
    }

    @Test
    void insufficientBuyingPowerIs403() {
        SimHttp.Reply reply = submit(order("SPY", "1000", "buy", "market"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("code").asInt()).isEqualTo(40310000);
        assertThat(reply.json().get("message").asText()).isEqualTo("insufficient buying power");
    }

    @Test
    void nonMarketableLimitStaysOpenAndCancelsOnce() {
        JsonNode order = submit(limit("AAPL", "buy", "1.00", null)).json();
        String id = order.get("id").asText();

        assertThat(order.get("status").asText()).isEqualTo("new");
        assertThat(order.get("limit_price").asText()).isEqualTo("1");
        assertThat(order.get("filled_at").isNull()).isTrue();
        assertThat(ids(http.get("/v2/orders").json())).containsExactly(id);
        assertThat(new BigDecimal(http.get("/v2/account").json().get("buying_power").asText()))
                .isEqualByComparingTo("99990");

        SimHttp.Reply cancel = http.delete("/v2/orders/" + id);
        SimHttp.Reply again = http.delete("/v2/orders/" + id);
        JsonNode canceled = http.get("/v2/orders/" + id).json();

        assertThat(cancel.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("code").asInt()).isEqualTo(42210000);
        assertThat(again.json().get("message").asText()).isEqualTo("order is not cancelable");
        assertThat(canceled.get("status").asText()).isEqualTo("canceled");
        assertThat(canceled.get("canceled_at").isNull()).isFalse();
        assertThat(http.get("/v2/orders").json()).isEmpty();
        assertThat(ids(http.get("/v2/orders?status=closed").json())).containsExactly(id);
    }

    @Test
    void marketableLimitFillsAtTheQuote() {
        JsonNode order = submit(limit("KO", "buy", "5000", null)).json();

        assertThat(order.get("status").asText()).isEqualTo("filled");
        assertThat(new BigDecimal(order.get("filled_avg_price").asText())).isLessThan(new BigDecimal("5000"));
    }

    @Test
    void stopOrdersStayOpen() {
        String body = "{\"symbol\":\"IBM\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"stop\",\"time_in_force\":\"gtc\",\"stop_price\":\"999\"}";

        JsonNode order = submit(body).json();

        assertThat(order.get("status").asText()).isEqualTo("new");
        assertThat(order.get("stop_price").asText()).isEqualTo("999");
    }

    @Test
    void ordersAreFoundByClientOrderIdAndItMustBeUnique() {
        JsonNode order = submit(limit("PG", "buy", "2.00", "strategy-7.order:1")).json();

        SimHttp.Reply found = http.get("/v2/orders:by_client_order_id?client_order_id=strategy-7.order:1");
        SimHttp.Reply missing = http.get("/v2/orders:by_client_order_id?client_order_id=nope");
        SimHttp.Reply duplicate = submit(limit("PG", "buy", "2.00", "strategy-7.order:1"));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asText()).isEqualTo(order.get("id").asText());
        assertThat(found.json().get("client_order_id").asText()).isEqualTo("strategy-7.order:1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("code").asInt()).isEqualTo(40010001);
        assertThat(duplicate.json().get("message").asText()).isEqualTo("client_order_id must be unique");
    }

    @Test
    void unknownOrdersAre404() {
        SimHttp.Reply unknown = http.get("/v2/orders/" + UUID.randomUUID());
        SimHttp.Reply garbage = http.get("/v2/orders/not-a-uuid");
        SimHttp.Reply cancelUnknown = http.delete("/v2/orders/" + UUID.randomUUID());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asInt()).isEqualTo(40410000);
        assertThat(unknown.json().get("message").asText()).isEqualTo("order not found");
        assertThat(garbage.status()).isEqualTo(404);
        assertThat(cancelUnknown.status()).isEqualTo(404);
    }

    @Test
    void cancelAllAnswers207ForEachOpenOrder() {
        String first = submit(limit("T", "buy", "1.00", null)).json().get("id").asText();
        String second = submit(limit("VZ", "buy", "1.00", null)).json().get("id").asText();
        submit(order("T", "1", "buy", "market"));

        SimHttp.Reply reply = http.delete("/v2/orders");

        assertThat(reply.status()).isEqualTo(207);
        JsonNode results = reply.json();
        assertThat(results).hasSize(2);
        List<String> ids = new ArrayList<>();
        for (JsonNode result : results) {
            assertThat(fieldNames(result)).containsExactly("id", "status", "body");
            assertThat(result.get("status").asInt()).isEqualTo(200);
            assertThat(result.get("body").get("status").asText()).isEqualTo("canceled");
            ids.add(result.get("id").asText());
        }
        assertThat(ids).containsExactlyInAnyOrder(first, second);
        assertThat(http.get("/v2/orders").json()).isEmpty();
    }

    @Test
    void orderListingHonoursStatusLimitAndDirection() {
        String first = submit(limit("XOM", "buy", "1.00", null)).json().get("id").asText();
        String second = submit(order("XOM", "1", "buy", "market")).json().get("id").asText();
        String third = submit(limit("XOM", "buy", "1.01", null)).json().get("id").asText();

        assertThat(ids(http.get("/v2/orders?status=all").json())).containsExactly(third, second, first);
        assertThat(ids(http.get("/v2/orders?status=all&direction=asc&limit=2").json())).containsExactly(first, second);
        assertThat(ids(http.get("/v2/orders?status=open&direction=asc").json())).containsExactly(first, third);
        assertThat(ids(http.get("/v2/orders?status=closed").json())).containsExactly(second);
        assertThat(http.get("/v2/orders?status=sideways").status()).isEqualTo(422);
    }

    @Test
    void unknownSymbolOrderIs422() {
        SimHttp.Reply reply = submit(order("XYZQ", "1", "buy", "market"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("code").asInt()).isEqualTo(40010001);
        assertThat(reply.json().get("message").asText()).isEqualTo("asset XYZQ not found");
    }

    @Test
    void badOrderBodiesAreRejectedWithAMessage() {
        assertRejected(422, "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"type\":\"market\",\"time_in_force\":\"day\"}", "side is required");
        assertRejected(422, "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\",\"time_in_force\":\"day\"}",
                "limit_price is required");
        assertRejected(422, "{\"symbol\":\"AAPL\",\"qty\":\"abc\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}",
                "invalid qty");
        assertRejected(422, "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}",
                "qty or notional is required");
        assertRejected(422, "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"hold\",\"type\":\"market\",\"time_in_force\":\"day\"}",
                "invalid side");
        assertRejected(422, "{\"symbol\":\"AAPL\",\"qty\":\"1.5\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"gtc\"}",
                "fractional orders must be DAY orders");
        assertRejected(422, "{\"symbol\":\"AAPL\",\"qty\":1,\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":1.001,\"time_in_force\":\"day\"}",
                "sub-penny increment does not fulfill minimum pricing criteria");
        assertRejected(400, "not json", "request body format is invalid");
        assertRejected(400, "", "request body format is invalid");
    }

    @Test
    void concurrentOrdersKeepCashAndPositionsConsistent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BigDecimal>> fills = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                fills.add(pool.submit(() -> new BigDecimal(
                        submit(order("KO", "1", "buy", "market")).json().get("filled_avg_price").asText())));
            }
            BigDecimal spent = BigDecimal.ZERO;
            for (Future<BigDecimal> fill : fills) {
                spent = spent.add(fill.get(30, TimeUnit.SECONDS));
            }

            assertThat(http.get("/v2/positions/KO").json().get("qty").asText()).isEqualTo("200");
            assertThat(new BigDecimal(http.get("/v2/account").json().get("cash").asText()))
                    .isEqualByComparingTo(SimAccount.STARTING_CASH.subtract(spent));
            assertThat(http.get("/v2/orders?status=closed&limit=500").json()).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertRejected(int status, String body, String message) {
        SimHttp.Reply reply = submit(body);
        assertThat(reply.status()).as(body).isEqualTo(status);
        assertThat(reply.json().get("message").asText()).as(body).isEqualTo(message);
    }

    private SimHttp.Reply submit(String body) {
        return http.post("/v2/orders", body);
    }

    private static String order(String symbol, String qty, String side, String type) {
        return "{\"symbol\":\"" + symbol + "\",\"qty\":\"" + qty + "\",\"side\":\"" + side + "\",\"type\":\"" + type
                + "\",\"time_in_force\":\"day\"}";
    }

    private static String limit(String symbol, String side, String price, String clientOrderId) {
        return "{\"symbol\":\"" + symbol + "\",\"qty\":10,\"side\":\"" + side + "\",\"type\":\"limit\","
                + "\"time_in_force\":\"gtc\",\"limit_price\":\"" + price + "\""
                + (clientOrderId == null ? "" : ",\"client_order_id\":\"" + clientOrderId + "\"") + "}";
    }

    private static List<String> ids(JsonNode orders) {
        List<String> ids = new ArrayList<>();
        orders.forEach(order -> ids.add(order.get("id").asText()));
        return ids;
    }

    private static String offset(JsonNode clock, String field) {
        String text = clock.get(field).asText();
        return text.substring(text.length() - 6);
    }
}
