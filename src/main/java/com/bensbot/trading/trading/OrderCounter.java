package com.bensbot.trading.trading;

/** Counts order outcomes for metrics (accepted, rejected, failed, unresolved, replayed). */
@FunctionalInterface
public interface OrderCounter {
    void record(String outcome);
}
