package com.bensbot.trading.broker.sim;

import static com.bensbot.trading.broker.sim.SimApiException.unprocessable;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** A validated {@code POST /v2/orders} body, with Alpaca's rules and (where known) its messages. */
record OrderRequest(
        String symbol,
        BigDecimal qty,
        BigDecimal notional,
        Side side,
        OrderType type,
        String timeInForce,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        String clientOrderId,
        boolean extendedHours) {

    enum Side {
        BUY,
        SELL;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum OrderType {
        MARKET,
        LIMIT,
        STOP,
        STOP_LIMIT;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean needsLimitPrice() {
            return this == LIMIT || this == STOP_LIMIT;
        }

        boolean needsStopPrice() {
            return this == STOP || this == STOP_LIMIT;
        }
    }

    static final int MAX_CLIENT_ORDER_ID_LENGTH = 128;
    static final int MAX_QTY_DECIMALS = 9;

    private static final Set<String> TIMES_IN_FORCE = Set.of("day", "gtc", "opg", "cls", "ioc", "fok");
    private static final String SUB_PENNY = "sub-penny increment does not fulfill minimum pricing criteria";

    /** Whether the order buys or sells part of a share, which Alpaca allows for DAY orders only. */
    boolean isFractional() {
        return notional != null || qty.stripTrailingZeros().scale() > 0;
    }

    /**
     * Validates a parsed JSON body.
     *
     * @throws SimApiException 400 when the body is not a JSON object, 422 when a field is wrong
     */
    static OrderRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new SimApiException(400, SimApiException.CODE_INVALID_REQUEST, "request body format is invalid");
        }
        String symbol = required(text(body, "symbol"), "symbol").toUpperCase(Locale.ROOT);
        Side side = choice(Side.class, required(text(body, "side"), "side"), "invalid side");
        OrderType type = choice(OrderType.class, required(text(body, "type"), "type"), "invalid order type");
        String timeInForce = required(text(body, "time_in_force"), "time_in_force");
        if (!TIMES_IN_FORCE.contains(timeInForce)) {
            throw unprocessable("invalid time_in_force");
        }
        BigDecimal qty = decimal(body, "qty");
        BigDecimal notional = decimal(body, "notional");
        BigDecimal limitPrice = price(body, "limit_price");
        BigDecimal stopPrice = price(body, "stop_price");
        String clientOrderId = text(body, "client_order_id");
        boolean extendedHours = flag(body, "extended_hours");

        checkQuantity(qty, notional, type);
        checkPrices(type, limitPrice, stopPrice);
        if (clientOrderId != null && (clientOrderId.isEmpty() || clientOrderId.length() > MAX_CLIENT_ORDER_ID_LENGTH)) {
            throw unprocessable("client_order_id must be 1 to " + MAX_CLIENT_ORDER_ID_LENGTH + " characters");
        }
        if (extendedHours && (type != OrderType.LIMIT || !timeInForce.equals("day"))) {
            throw unprocessable("extended hours order must be DAY limit orders");
        }
        OrderRequest request = new OrderRequest(symbol, qty, notional, side, type, timeInForce,
                limitPrice, stopPrice, clientOrderId, extendedHours);
        if (request.isFractional() && !timeInForce.equals("day")) {
            throw unprocessable("fractional orders must be DAY orders");
        }
        return request;
    }

    private static void checkQuantity(BigDecimal qty, BigDecimal notional, OrderType type) {
        if (qty == null && notional == null) {
            throw unprocessable("qty or notional is required");
        }
        if (qty != null && notional != null) {
            throw unprocessable("only one of qty or notional may be given");
        }
        if (qty != null) {
            if (qty.signum() <= 0) {
                throw unprocessable("qty must be > 0");
            }
            if (qty.stripTrailingZeros().scale() > MAX_QTY_DECIMALS) {
                throw unprocessable("qty must have at most " + MAX_QTY_DECIMALS + " decimal places");
            }
        } else {
            if (notional.signum() <= 0) {
                throw unprocessable("notional must be > 0");
            }
            if (notional.stripTrailingZeros().scale() > 2) {
                throw unprocessable("notional must have at most 2 decimal places");
            }
            if (type != OrderType.MARKET) {
                throw unprocessable("notional orders must be market orders");
            }
        }
    }

    private static void checkPrices(OrderType type, BigDecimal limitPrice, BigDecimal stopPrice) {
        if (type.needsLimitPrice() && limitPrice == null) {
            throw unprocessable("limit_price is required");
        }
        if (type.needsStopPrice() && stopPrice == null) {
            throw unprocessable("stop_price is required");
        }
        if (!type.needsLimitPrice() && limitPrice != null) {
            throw unprocessable(type.wire() + " orders require no limit price");
        }
        if (!type.needsStopPrice() && stopPrice != null) {
            throw unprocessable(type.wire() + " orders require no stop price");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw unprocessable(field + " is required");
        }
        return value.trim();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String message) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unprocessable(message);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw unprocessable(field + " must be a string");
        }
        return node.textValue();
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw unprocessable(field + " must be a boolean");
        }
        return node.booleanValue();
    }

    /** Alpaca takes decimals as JSON strings or numbers. */
    private static BigDecimal decimal(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw unprocessable("invalid " + field);
            }
        }
        throw unprocessable("invalid " + field);
    }

    /** A positive price in whole cents, or hundredths of a cent below one dollar. */
    private static BigDecimal price(JsonNode body, String field) {
        BigDecimal price = decimal(body, field);
        if (price == null) {
            return null;
        }
        if (price.signum() <= 0) {
            throw unprocessable(field + " must be > 0");
        }
        int maxDecimals = price.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4;
        if (price.stripTrailingZeros().scale() > maxDecimals) {
            throw unprocessable(SUB_PENNY);
        }
        return price;
    }
}
