package com.bensbot.trading.broker;

/** Breaker states as the contract names them, ordered from best to worst. */
public enum BreakerState {
    CLOSED(0), HALF_OPEN(1), OPEN(2);

    private final int gauge;

    BreakerState(int gauge) {
        this.gauge = gauge;
    }

    /** 0 closed, 1 half-open, 2 open (the Prometheus gauge of CONTRACT §7). */
    public int gauge() {
        return gauge;
    }

    public BreakerState worse(BreakerState other) {
        return other.gauge > gauge ? other : this;
    }

    static BreakerState of(dev.failsafe.CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> CLOSED;
            case HALF_OPEN -> HALF_OPEN;
            case OPEN -> OPEN;
        };
    }
}
