package com.bensbot.trading.broker;

import java.time.Instant;

/** One change of a breaker's state, kept in its history. */
public record BreakerTransition(BreakerState from, BreakerState to, Instant at) {
}
