package com.bensbot.trading.broker.sim;

import java.math.BigDecimal;
import java.time.Instant;

/** One OHLCV bar, {@code time} being the start of its interval. */
record SimBar(
        Instant time,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        long volume,
        long tradeCount,
        BigDecimal volumeWeightedPrice) {
}
