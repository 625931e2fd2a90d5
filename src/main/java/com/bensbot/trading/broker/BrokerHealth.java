package com.bensbot.trading.broker;

import java.time.Instant;

/** What the latest broker exchanges said about reachability, across both APIs. */
public final class BrokerHealth {
    private volatile Instant lastSuccessAt;
    private volatile Instant lastFailureAt;
    private volatile Instant lastAuthFailureAt;
    private volatile long lastLatencyMs = -1;
    private volatile boolean lastCallSucceeded;

    void success(long latencyMs) {
        lastLatencyMs = latencyMs;
        lastSuccessAt = Instant.now();
        lastCallSucceeded = true;
    }

    void failure(long latencyMs) {
        lastLatencyMs = latencyMs;
        lastFailureAt = Instant.now();
        lastCallSucceeded = false;
    }

    void authFailure(long latencyMs) {
        lastAuthFailureAt = Instant.now();
        failure(latencyMs);
    }

    public boolean lastCallSucceeded() {
        return lastCallSucceeded;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    /** Set when the broker last refused the gateway's credentials; cleared by no success (an operator must act). */
    public Instant lastAuthFailureAt() {
        return lastAuthFailureAt;
    }

    public boolean authFailedSinceLastSuccess() {
        Instant auth = lastAuthFailureAt;
        Instant ok = lastSuccessAt;
        return auth != null && (ok == null || auth.isAfter(ok));
    }

    /** Latency of the latest exchange in ms, or -1 before the first. */
    public long lastLatencyMs() {
        return lastLatencyMs;
    }
}
