package com.bensbot.trading.trading;

import java.util.Locale;

/** The order safety layers of CONTRACT §6, in the order they run. */
public enum OrderLayer {
    SHAPE, STATE, MODE, POLICY, BROKER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
