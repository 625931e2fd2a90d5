package com.bensbot.trading.trading;

import java.time.Instant;

/** Whether an operator has halted trading, since when and why. */
public final class TradingState {
    /** A snapshot as {@code halt-trading} and {@code resume-trading} report it. */
    public record Snapshot(boolean halted, Instant since, String reason) {
    }

    private volatile Snapshot current = new Snapshot(false, null, null);

    public Snapshot snapshot() {
        return current;
    }

    public boolean isHalted() {
        return current.halted();
    }

    public Snapshot halt(String reason) {
        current = new Snapshot(true, Instant.now(), reason);
        return current;
    }

    public Snapshot resume() {
        current = new Snapshot(false, Instant.now(), null);
        return current;
    }
}
