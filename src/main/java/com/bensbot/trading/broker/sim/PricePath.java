package com.bensbot.trading.broker.sim;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A symbol's price as a pure function of time: its start price moved by a few slow waves of
 * different periods (minutes to years), with phases drawn from the symbol. Being a function, it
 * gives the same bars on every call, and a day bar opens where its first minute bar opens.
 */
final class PricePath {

    private static final double[] PERIODS_SECONDS = {
        17 * 60, 3.1 * 3600, 2.3 * 86_400, 23 * 86_400, 190 * 86_400, 3 * 365 * 86_400,
    };
    private static final double[] AMPLITUDES = {0.0015, 0.003, 0.008, 0.025, 0.06, 0.12};

    private final double reference;
    private final double[] phases = new double[PERIODS_SECONDS.length];

    PricePath(String symbol, double reference) {
        this.reference = reference;
        SplittableRandom random = new SplittableRandom(symbol.hashCode());
        for (int i = 0; i < phases.length; i++) {
            phases[i] = random.nextDouble(2 * Math.PI);
        }
    }

    double at(Instant instant) {
        double seconds = instant.getEpochSecond() + instant.getNano() / 1e9;
        double logOffset = 0;
        for (int i = 0; i < PERIODS_SECONDS.length; i++) {
            logOffset += AMPLITUDES[i] * Math.sin(2 * Math.PI * seconds / PERIODS_SECONDS[i] + phases[i]);
        }
        return reference * Math.exp(logOffset);
    }
}
