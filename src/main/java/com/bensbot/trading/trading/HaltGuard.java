package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemType;

/** Layer 2: no new orders while an operator has halted trading (423 trading-halted). */
public final class HaltGuard {
    private final TradingState state;

    public HaltGuard(TradingState state) {
        this.state = state;
    }

    /** The refusal when the halt is found in the store rather than in this instance's memory. */
    static OrderRefusedException haltedInStore() {
        return new OrderRefusedException(OrderLayer.STATE, ProblemType.TRADING_HALTED,
                "Trading is halted by an operator");
    }

    public void check() {
        TradingState.Snapshot snapshot = state.snapshot();
        if (snapshot.halted()) {
            String reason = snapshot.reason() == null || snapshot.reason().isBlank() ? "" : ": " + snapshot.reason();
            throw new OrderRefusedException(OrderLayer.STATE, ProblemType.TRADING_HALTED,
                    "Trading is halted by an operator since " + snapshot.since() + reason);
        }
    }
}
