package com.bensbot.trading.ratelimit;

/** The endpoint groups of CONTRACT §8; each client has one bucket per group. */
public enum RateGroup {
    TRADING("trading"),
    DATA("data"),
    ADMIN("admin"),
    DEFAULT("default");

    private final String label;

    RateGroup(String label) {
        this.label = label;
    }

    /** The name used in configuration, headers, metrics and logs. */
    public String label() {
        return label;
    }
}
