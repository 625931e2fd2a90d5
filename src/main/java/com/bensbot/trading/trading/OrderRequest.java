package com.bensbot.trading.trading;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order that passed the shape layer: Alpaca's fields, money as BigDecimal, enums lower-case, symbol upper-case.
 * Exactly one of {@code qty} and {@code notional} is set; prices are set exactly where the type needs them.
 */
public record OrderRequest(String symbol, BigDecimal qty, BigDecimal notional, String side, String type,
                           String timeInForce, BigDecimal limitPrice, BigDecimal stopPrice, String clientOrderId) {

    /** The same order with the client_order_id the broker will see. */
    public OrderRequest withClientOrderId(String id) {
        return new OrderRequest(symbol, qty, notional, side, type, timeInForce, limitPrice, stopPrice, id);
    }

    /** Alpaca's request body, decimals as strings. */
    public Map<String, Object> brokerBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol);
        if (qty != null) {
            body.put("qty", plain(qty));
        }
        if (notional != null) {
            body.put("notional", plain(notional));
        }
        body.put("side", side);
        body.put("type", type);
        body.put("time_in_force", timeInForce);
        if (limitPrice != null) {
            body.put("limit_price", plain(limitPrice));
        }
        if (stopPrice != null) {
            body.put("stop_price", plain(stopPrice));
        }
        body.put("client_order_id", clientOrderId);
        return body;
    }

    /** A stable text of the order's content, for recognising a repeat of the same request. */
    public String canonical() {
        return symbol + '|' + plain(qty) + '|' + plain(notional) + '|' + side + '|' + type + '|' + timeInForce + '|'
                + plain(limitPrice) + '|' + plain(stopPrice) + '|' + (clientOrderId == null ? "" : clientOrderId);
    }

    /** The facts an audit record keeps of an order (nothing secret). */
    public Map<String, Object> auditDetails() {
        Map<String, Object> details = brokerBody();
        if (clientOrderId == null) {
            details.remove("client_order_id");
        }
        return details;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
