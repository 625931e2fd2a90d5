package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.Violation;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderShapeTest {
    private final OrderShape shape = new OrderShape(new ObjectMapper());

    private OrderRequest parse(String json) {
        return shape.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private OrderRefusedException refusal(String json) {
        try {
            parse(json);
        } catch (OrderRefusedException e) {
            assertThat(e.layer()).isEqualTo(OrderLayer.SHAPE);
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void acceptsAMarketOrderWithStringOrNumberQuantities() {
        OrderRequest order = parse("{\"symbol\":\"aapl\",\"qty\":\"1.5\",\"side\":\"buy\",\"type\":\"market\","
                + "\"time_in_force\":\"day\"}");
        assertThat(order.symbol()).isEqualTo("AAPL");
        assertThat(order.qty()).isEqualByComparingTo("1.5");
        assertThat(order.notional()).isNull();
        assertThat(parse("{\"symbol\":\"SPY\",\"qty\":2,\"side\":\"sell\",\"type\":\"market\",\"time_in_force\":\"gtc\"}")
                .qty()).isEqualByComparingTo("2");
        assertThat(parse("{\"symbol\":\"SPY\",\"notional\":100.25,\"side\":\"buy\",\"type\":\"market\","
                + "\"time_in_force\":\"day\"}").notional()).isEqualByComparingTo("100.25");
    }

    @Test
    void acceptsPricedOrderTypes() {
        OrderRequest stopLimit = parse("{\"symbol\":\"MSFT\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"stop_limit\","
                + "\"time_in_force\":\"gtc\",\"limit_price\":\"410.5\",\"stop_price\":\"409\","
                + "\"client_order_id\":\"bot-1:abc_2.x\"}");
        assertThat(stopLimit.limitPrice()).isEqualByComparingTo("410.5");
        assertThat(stopLimit.stopPrice()).isEqualByComparingTo("409");
        assertThat(stopLimit.clientOrderId()).isEqualTo("bot-1:abc_2.x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "\"text\"", "{\"symbol\":", "{} {}", "null"})
    void nonObjectsAreMalformed(String body) {
        assertThat(refusal(body).type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
    }

    @Test
    void wrongJsonTypesAreMalformedWithViolations() {
        OrderRefusedException e = refusal("{\"symbol\":5,\"qty\":true,\"side\":\"buy\",\"type\":\"market\","
                + "\"time_in_force\":\"day\"}");
        assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("symbol", "qty");
    }

    @Test
    void layerOneRules() {
        String base = "\"side\":\"buy\",\"time_in_force\":\"day\"";
        assertViolation("{\"symbol\":\"AAPL\",\"type\":\"market\"," + base + "}", "qty");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1,\"notional\":5,\"type\":\"market\"," + base + "}", "notional");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1,\"type\":\"limit\"," + base + "}", "limit_price");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1,\"type\":\"stop\"," + base + "}", "stop_price");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1,\"type\":\"market\",\"limit_price\":1," + base + "}",
                "limit_price");
        assertViolation("{\"symbol\":\"AAPL\",\"notional\":5,\"type\":\"limit\",\"limit_price\":1," + base + "}",
                "notional");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":0,\"type\":\"market\"," + base + "}", "qty");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":\"-1\",\"type\":\"market\"," + base + "}", "qty");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1e400,\"type\":\"market\"," + base + "}", "qty");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":\"0.0000000001\",\"type\":\"market\"," + base + "}", "qty");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":\"1e3\",\"type\":\"market\"," + base + "}", "qty");
        assertViolation("{\"symbol\":\"" + "A".repeat(10_000) + "\",\"qty\":1,\"type\":\"market\"," + base + "}",
                "symbol");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1,\"type\":\"trailing\"," + base + "}", "type");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1,\"type\":\"market\",\"side\":\"short\","
                + "\"time_in_force\":\"day\"}", "side");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1,\"type\":\"market\",\"side\":\"buy\","
                + "\"time_in_force\":\"forever\"}", "time_in_force");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1,\"type\":\"market\",\"extended_hours\":true," + base + "}",
                "extended_hours");
        assertViolation("{\"symbol\":\"AAPL\",\"qty\":1,\"type\":\"market\",\"client_order_id\":\"has space\","
                + base + "}", "client_order_id");
        assertViolation("{\"qty\":1,\"type\":\"market\"," + base + "}", "symbol");
        assertViolation("{\"symbol\":\"..\",\"qty\":1,\"type\":\"market\"," + base + "}", "symbol");
        assertViolation("{\"symbol\":\".\",\"qty\":1,\"type\":\"market\"," + base + "}", "symbol");
    }

    @Test
    void violationsNeverEchoHugeValues() {
        OrderRefusedException e = refusal("{\"symbol\":\"" + "A".repeat(10_000) + "\",\"qty\":1,\"type\":\"market\","
                + "\"side\":\"buy\",\"time_in_force\":\"day\",\"" + "x".repeat(5_000) + "\":1}");
        assertThat(e.violations().toString().length()).isLessThan(1_000);
        assertThat(e.detail().length()).isLessThan(300);
    }

    private void assertViolation(String json, String field) {
        OrderRefusedException e = refusal(json);
        assertThat(e.type()).as(json).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.violations()).as(json).extracting(Violation::field).contains(field);
    }
}
