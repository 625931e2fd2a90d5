package com.bensbot.trading.trading;

import com.bensbot.trading.broker.Order;

import java.math.BigDecimal;

/** Whether an order the broker holds under a client_order_id is the one this request sent. */
final class OrderMatch {
    private OrderMatch() {
    }

    static boolean sameOrder(OrderRequest sent, Order held) {
        return sent.symbol().equalsIgnoreCase(String.valueOf(held.symbol()))
                && sent.side().equalsIgnoreCase(String.valueOf(held.side()))
                && sameAmount(sent.qty(), held.qty())
                && sameAmount(sent.notional(), held.notional());
    }

    /** Alpaca writes decimals as strings ("2", "2.000000000"); an amount the request did not set is not compared. */
    private static boolean sameAmount(BigDecimal sent, String held) {
        if (sent == null) {
            return true;
        }
        try {
            return held != null && sent.compareTo(new BigDecimal(held)) == 0;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
