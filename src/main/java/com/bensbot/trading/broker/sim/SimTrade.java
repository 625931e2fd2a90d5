package com.bensbot.trading.broker.sim;

import java.math.BigDecimal;
import java.time.Instant;

/** A latest trade print. */
record SimTrade(Instant time, String exchange, BigDecimal price, int size, long id, String tape) {
}
