package com.bensbot.trading.broker.sim;

import java.math.BigDecimal;
import java.time.Instant;

/** A latest NBBO quote; bid is always strictly below ask. */
record SimQuote(
        Instant time,
        String askExchange,
        BigDecimal askPrice,
        int askSize,
        String bidExchange,
        BigDecimal bidPrice,
        int bidSize,
        String tape) {

    SimQuote {
        if (bidPrice.compareTo(askPrice) >= 0) {
            throw new IllegalArgumentException("crossed quote: bid " + bidPrice + " >= ask " + askPrice);
        }
    }
}
